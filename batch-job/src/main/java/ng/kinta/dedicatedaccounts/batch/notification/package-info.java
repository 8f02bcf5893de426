/**
 * The account email: templates, sending batches over a small pool of SMTP connections on
 * background threads ({@code MailOutbox}, {@code RelayConnections}), classifying failures
 * ({@code MailFailure}), the per-run relay circuit, and emails left pending by earlier
 * runs.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.notification;

import org.jspecify.annotations.NullMarked;
