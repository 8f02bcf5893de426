/**
 * The account email: templates, sending a batch over one SMTP connection on a background
 * thread ({@code MailOutbox}), classifying failures ({@code MailFailure}), the per-run
 * relay circuit, and emails left pending by earlier runs.
 */
package ng.kinta.dedicatedaccounts.batch.notification;
