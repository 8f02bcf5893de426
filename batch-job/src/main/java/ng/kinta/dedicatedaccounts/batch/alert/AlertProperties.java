package ng.kinta.dedicatedaccounts.batch.alert;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the operator alerts ({@code app.alerts.*}; see docs/CONFIGURATION.md).
 *
 * @param webhookUrl Slack-compatible incoming webhook ({@code ALERT_WEBHOOK_URL}), blank
 * = no webhook; a secret (Slack puts its token in the URL), never logged
 * @param email address that receives alerts by email ({@code ALERT_EMAIL}), blank = no
 * alert email; sent through the account email's SMTP relay and sender
 * @param pendingEmailsThreshold alert when more account emails than this are still
 * pending at the end of a run
 * @param consecutiveFailuresThreshold alert when a user has failed this many runs in a
 * row
 * @param firstReasons how many skip reasons and user ids an alert lists at most
 * @param timeout connect and read timeout of the webhook call
 * @param queueCapacity alerts waiting to be delivered at most; further ones are dropped
 * (and logged) so a slow webhook never holds the job
 * @param shutdownWait how long the application waits at shutdown for alerts still being
 * delivered (the command line exits right after its run)
 * @param backlogGrowthRuns alert when the users waiting ({@code remainingUsers}) grew in
 * this many runs in a row
 */
@Validated
@ConfigurationProperties("app.alerts")
public record AlertProperties(String webhookUrl, String email, @Min(0) int pendingEmailsThreshold,
		@Min(1) int consecutiveFailuresThreshold, @Min(1) int firstReasons, @NotNull Duration timeout,
		@Min(1) int queueCapacity, @NotNull Duration shutdownWait, @DefaultValue("8") @Min(2) int backlogGrowthRuns) {

	/**
	 * Binds {@code app.alerts.*}.
	 */
	@ConstructorBinding
	public AlertProperties {
	}

	/**
	 * Settings without the backlog growth threshold (8 runs).
	 * @param webhookUrl see the record
	 * @param email see the record
	 * @param pendingEmailsThreshold see the record
	 * @param consecutiveFailuresThreshold see the record
	 * @param firstReasons see the record
	 * @param timeout see the record
	 * @param queueCapacity see the record
	 * @param shutdownWait see the record
	 */
	public AlertProperties(String webhookUrl, String email, int pendingEmailsThreshold,
			int consecutiveFailuresThreshold, int firstReasons, Duration timeout, int queueCapacity,
			Duration shutdownWait) {
		this(webhookUrl, email, pendingEmailsThreshold, consecutiveFailuresThreshold, firstReasons, timeout,
				queueCapacity, shutdownWait, 8);
	}

	boolean webhookEnabled() {
		return this.webhookUrl != null && !this.webhookUrl.isBlank();
	}

	boolean emailEnabled() {
		return this.email != null && !this.email.isBlank();
	}

	@Override
	public String toString() {
		// the webhook URL carries a token; the address is personal data
		return "AlertProperties[webhook=" + (webhookEnabled() ? "<set>" : "<unset>") + ", email="
				+ (emailEnabled() ? "<set>" : "<unset>") + ", pendingEmailsThreshold=" + this.pendingEmailsThreshold
				+ ", consecutiveFailuresThreshold=" + this.consecutiveFailuresThreshold + "]";
	}

}
