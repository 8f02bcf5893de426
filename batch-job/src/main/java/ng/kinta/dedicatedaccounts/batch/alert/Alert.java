package ng.kinta.dedicatedaccounts.batch.alert;

import java.util.Set;

/**
 * One alert about one job execution: every reason to alert found at its end, in one
 * message. Holds user ids, counts and reasons only, never an email, phone, name or
 * secret.
 *
 * @param jobExecutionId the job execution
 * @param kinds why operators are alerted (at least one)
 * @param subject one line, used as the email's subject
 * @param text the whole alert, plain text (the webhook's {@code text})
 */
record Alert(long jobExecutionId, Set<AlertKind> kinds, String subject, String text) {
}
