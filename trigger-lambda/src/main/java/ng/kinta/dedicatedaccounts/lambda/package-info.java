/**
 * The trigger function on AWS Lambda: the application Spring Cloud Function's
 * {@code FunctionInvoker} starts, the transport that reads API Gateway (REST v1, HTTP v2)
 * and Function URL events and answers with proxy responses, and the checks of what Lambda
 * changes about a run ({@code docs/LAMBDA.md}).
 */
@NullMarked
package ng.kinta.dedicatedaccounts.lambda;

import org.jspecify.annotations.NullMarked;
