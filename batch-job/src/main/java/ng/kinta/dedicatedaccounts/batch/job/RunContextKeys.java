package ng.kinta.dedicatedaccounts.batch.job;

/**
 * Keys of the counts the job keeps in its execution contexts (persisted in the job
 * repository, so a run's summary can be rebuilt from its history).
 */
public final class RunContextKeys {

	/** Job context: eligible users when the run started. */
	public static final String TOTAL_WITHOUT_ACCOUNTS = "summary.totalUsersWithoutAccounts";

	/** Job context: eligible users when the run ended. */
	public static final String REMAINING = "summary.remainingUsers";

	/** Job context: account emails pending when the run ended. */
	public static final String EMAILS_PENDING = "summary.emailsPending";

	/** Step context: users for whom every bank failed. */
	public static final String FAILED = "summary.failedCount";

	/** Step context: users skipped for an unusable record. */
	public static final String UNUSABLE = "summary.skippedCount";

	/**
	 * Job context: users the run claimed but left for the next run (time budget spent).
	 */
	public static final String LEFT_FOR_NEXT_RUN = "summary.leftForNextRun";

	/**
	 * Step context: the users the provisioning step skipped, a {@code List} of
	 * {@link SkippedUser} (at most {@code app.job.max-users-per-run}).
	 */
	public static final String SKIPPED_USERS = "history.skippedUsers";

	/** Step context: account emails sent. */
	public static final String EMAILS_SENT = "summary.emailsSent";

	/** Job parameter: the run's number, also the claim mark on its users. */
	public static final String RUN_ID = "run.id";

	/** Job parameter: who asked for the run. */
	public static final String TRIGGER_SOURCE = "trigger.source";

	/** Job parameter: id of the message that asked for the run. */
	public static final String TRIGGER_MESSAGE_ID = "trigger.message-id";

	private RunContextKeys() {
	}

}
