/**
 * Logging of {@code batch-job.jar}: Spring Boot's console output, on standard error so
 * that standard output carries only the run's summary.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.logging;

import org.jspecify.annotations.NullMarked;
