/**
 * The account email: templates, sending a batch over one SMTP connection on a background
 * thread ({@code MailOutbox}), classifying failures ({@code MailFailure}), the per-run
 * relay circuit, and emails left pending by earlier runs.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.notification;

import org.jspecify.annotations.NullMarked;
