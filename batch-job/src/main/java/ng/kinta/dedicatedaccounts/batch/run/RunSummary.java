package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of one job execution of {@code createDedicatedAccountsJob}, in the shape the
 * old cron endpoint answered with (a superset of it; see {@code docs/OPERATIONS.md},
 * "Reading a run").
 *
 * @param status {@code "ok"} when the execution completed, {@code "error"} otherwise
 * @param message one human-readable sentence describing the outcome
 * @param jobExecutionId id of the job execution in the job repository, {@code null} for a
 * dry run
 * @param exitStatus the job execution's exit code ({@code COMPLETED}, {@code FAILED},
 * ...)
 * @param data the run's counts
 * @param catchUpScheduledIn seconds after the run at which the catch-up run chained after
 * it is delivered, or {@code null} when none was chained
 * @param oldestWaitingSince {@code createdAt} of the eligible user who has waited longest
 * when the run ended, or {@code null} when no one waits (or the run did not count)
 */
public record RunSummary(String status, String message, @Nullable Long jobExecutionId, String exitStatus, Counts data,
		@Nullable Long catchUpScheduledIn, @Nullable Instant oldestWaitingSince) {

	/**
	 * A summary without catch-up or backlog age.
	 * @param status see the record
	 * @param message see the record
	 * @param jobExecutionId see the record
	 * @param exitStatus see the record
	 * @param data see the record
	 */
	public RunSummary(String status, String message, @Nullable Long jobExecutionId, String exitStatus, Counts data) {
		this(status, message, jobExecutionId, exitStatus, data, null, null);
	}

	/**
	 * This summary with the catch-up run chained after it.
	 * @param seconds the catch-up's delay, whole seconds
	 * @return the summary
	 */
	public RunSummary withCatchUpScheduledIn(long seconds) {
		return new RunSummary(this.status, this.message, this.jobExecutionId, this.exitStatus, this.data, seconds,
				this.oldestWaitingSince);
	}

	/** Status value of a completed run. */
	public static final String OK = "ok";

	/** Status value of a failed or stopped run. */
	public static final String ERROR = "error";

	/**
	 * Whether the job execution completed.
	 * @return {@code true} when {@link #status()} is {@code "ok"}
	 */
	public boolean completed() {
		return OK.equals(this.status);
	}

	/**
	 * Counts of one run; every value is a number of users (or of emails for the two email
	 * counts).
	 *
	 * @param totalUsersWithoutAccounts eligible users without a dedicated account when
	 * the run started
	 * @param processedInThisRun users read and handled by this run (at most the per-run
	 * cap)
	 * @param remainingUsers eligible users still without a dedicated account when the run
	 * ended
	 * @param successCount users who received a dedicated account in this run
	 * @param failedCount users for whom every bank failed (retried after a back-off)
	 * @param skippedCount users skipped because their record is unusable (missing email,
	 * name or phone)
	 * @param emailsSent account emails sent by this run, including earlier pending ones
	 * @param emailsPending account emails still waiting to be sent when the run ended
	 * @param emailsFailed account emails this run found can never be sent (recipient
	 * refused with a 5xx, or an address that cannot be parsed); never retried
	 * @param ignoredRecords active, email-verified users the job cannot use because their
	 * {@code _id} is not an ObjectId (never counted among the users above)
	 * @param unknownOutcomeCount users of this run whose Billstack request got no answer
	 * (waiting for the one repeat at the same bank)
	 * @param needsReconciliation users, from every run, parked for an operator
	 * ({@code batch-job.jar reconciliation})
	 * @param accountsNotRecorded accounts Billstack created in this run that MongoDB
	 * refused to record (kept in the job repository, recorded by the next run)
	 */
	public record Counts(long totalUsersWithoutAccounts, long processedInThisRun, long remainingUsers,
			long successCount, long failedCount, long skippedCount, long emailsSent, long emailsPending,
			long emailsFailed, long ignoredRecords, long unknownOutcomeCount, long needsReconciliation,
			long accountsNotRecorded) {

		/** Counts of a run that did nothing. */
		public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		/**
		 * Counts without the exactly-once counts.
		 * @param totalUsersWithoutAccounts see the record
		 * @param processedInThisRun see the record
		 * @param remainingUsers see the record
		 * @param successCount see the record
		 * @param failedCount see the record
		 * @param skippedCount see the record
		 * @param emailsSent see the record
		 * @param emailsPending see the record
		 * @param emailsFailed see the record
		 * @param ignoredRecords see the record
		 */
		public Counts(long totalUsersWithoutAccounts, long processedInThisRun, long remainingUsers, long successCount,
				long failedCount, long skippedCount, long emailsSent, long emailsPending, long emailsFailed,
				long ignoredRecords) {
			this(totalUsersWithoutAccounts, processedInThisRun, remainingUsers, successCount, failedCount, skippedCount,
					emailsSent, emailsPending, emailsFailed, ignoredRecords, 0, 0, 0);
		}

		/**
		 * Counts without failed emails and ignored records.
		 * @param totalUsersWithoutAccounts see the record
		 * @param processedInThisRun see the record
		 * @param remainingUsers see the record
		 * @param successCount see the record
		 * @param failedCount see the record
		 * @param skippedCount see the record
		 * @param emailsSent see the record
		 * @param emailsPending see the record
		 */
		public Counts(long totalUsersWithoutAccounts, long processedInThisRun, long remainingUsers, long successCount,
				long failedCount, long skippedCount, long emailsSent, long emailsPending) {
			this(totalUsersWithoutAccounts, processedInThisRun, remainingUsers, successCount, failedCount, skippedCount,
					emailsSent, emailsPending, 0, 0);
		}

	}

}
