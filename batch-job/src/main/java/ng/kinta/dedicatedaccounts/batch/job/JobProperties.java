package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code createDedicatedAccountsJob} ({@code app.job.*}).
 *
 * @param maxUsersPerRun most users one run takes (the old endpoint's 50)
 * @param chunkSize users per chunk (one transaction of the job repository)
 * @param concurrency Billstack calls in flight at once (users processed in parallel)
 * @param timeBudget once this much time has passed since the run started, it takes no new
 * users and ends cleanly, leaving them for the next run
 * @param firstFailureBackoff a failed user is not tried again before this; the back-off
 * doubles with each further failure
 * @param maxFailureBackoff longest back-off of a failed user
 * @param pendingEmailsPerRun most earlier pending account emails one run sends
 * @param pendingEmailsShare share of the time budget (0.01 to 0.5) the step sending
 * earlier pending emails may use, so that a slow or silent relay never starves
 * provisioning
 * @param selectionBatchSize users checked against {@code accounts} per query when
 * selecting
 * @param recordAttempts attempts of the MongoDB write that records an account Billstack
 * created, the first one included; when they all fail the run stops taking users and an
 * alert carries the account
 * @param recordBackoff wait between two of those attempts
 */
@Validated
@ConfigurationProperties("app.job")
public record JobProperties(@Min(1) @Max(10_000) int maxUsersPerRun, @Min(1) @Max(1_000) int chunkSize,
		@Min(1) @Max(64) int concurrency, @NotNull Duration timeBudget, @NotNull Duration firstFailureBackoff,
		@NotNull Duration maxFailureBackoff, @Min(0) int pendingEmailsPerRun,
		@DecimalMin("0.01") @DecimalMax("0.5") double pendingEmailsShare, @Min(1) @Max(10_000) int selectionBatchSize,
		@Min(1) @Max(20) int recordAttempts, @NotNull Duration recordBackoff) {

	/**
	 * The longest time the pending-email step may take.
	 * @return {@code pendingEmailsShare} of the time budget
	 */
	public Duration pendingEmailsTimeSlice() {
		return Duration.ofMillis((long) (this.timeBudget.toMillis() * this.pendingEmailsShare));
	}

}
