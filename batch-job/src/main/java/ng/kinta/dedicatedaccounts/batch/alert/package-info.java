/**
 * Operator alerts: the job's end is sent to a Spring Integration channel as an
 * informational message (a {@code @MessagingGateway} registered as a job execution
 * listener, as the Spring Batch Integration reference describes under "Providing Feedback
 * with Informational Messages"); a flow turns it into at most one alert per job execution
 * and delivers it to a webhook ({@code ALERT_WEBHOOK_URL}) and/or an email address
 * ({@code ALERT_EMAIL}), off the job's thread. Alerts name users by id only.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.alert;

import org.jspecify.annotations.NullMarked;
