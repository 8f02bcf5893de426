/**
 * The management HTTP API {@code POST /api/cron/manage}: the old app's JSON request,
 * authenticated by the shared secret {@code SIGNATURE}, answered with the QStash result
 * or a {@code ProblemDetail}.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.admin.manage;

import org.jspecify.annotations.NullMarked;
