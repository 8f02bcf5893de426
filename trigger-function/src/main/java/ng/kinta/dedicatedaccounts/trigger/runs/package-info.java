/**
 * The operator console: the run history with its charts ({@code /runs},
 * {@code /api/runs}), a user explained ({@code /users/{id}}, {@code /api/users/{id}}),
 * the reconciliation queue ({@code /reconciliation}), and the operator's actions (restart
 * a failed or stopped run, resolve a waiting user). Behind HTTP Basic: a viewer
 * ({@code RUNS_USERNAME}, {@code RUNS_PASSWORD}) reads; an operator
 * ({@code RUNS_OPERATOR_USERNAME}, {@code RUNS_OPERATOR_PASSWORD}) may also act, by POST
 * with a CSRF token. Off (404) while the viewer's credentials are unset. The security
 * filter chain here applies to these paths only.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger.runs;

import org.jspecify.annotations.NullMarked;
