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

	/**
	 * Job context: active, email-verified users ignored because their {@code _id} is not
	 * an ObjectId.
	 */
	public static final String IGNORED_RECORDS = "summary.ignoredRecords";

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

	/**
	 * Step context: account emails failed for good (recipient refused, address unusable).
	 */
	public static final String EMAILS_FAILED = "summary.emailsFailed";

	/** Users of the run whose Billstack request got no answer. */
	public static final String UNKNOWN_OUTCOMES = "summary.unknownOutcomeCount";

	/** Users parked for reconciliation when the run ended (all runs). */
	public static final String NEEDS_RECONCILIATION = "summary.needsReconciliation";

	/** Accounts MongoDB refused to record, kept for the next run and the operator. */
	public static final String UNRECORDED_ACCOUNTS = "summary.unrecordedAccounts";

	/**
	 * Job context: {@code createdAt} of the eligible user who has waited longest when the
	 * run ended, epoch milliseconds.
	 */
	public static final String OLDEST_WAITING_SINCE = "summary.oldestWaitingSince";

	/**
	 * Job context: the circuit that opened in this run ({@code mail relay} or
	 * {@code Billstack throttling}), absent when none did; no catch-up follows such a
	 * run.
	 */
	public static final String CIRCUIT_OPENED = "run.circuitOpened";

	/**
	 * Job context: Billstack throttling answers seen by this process when the run
	 * started.
	 */
	public static final String THROTTLES_AT_START = "run.billstackThrottlesAtStart";

	/** Job context: id of the catch-up message chained after this run. */
	public static final String CATCH_UP_MESSAGE_ID = "catchUp.messageId";

	/** Job context: delay of the chained catch-up, whole seconds. */
	public static final String CATCH_UP_DELAY_SECONDS = "catchUp.delaySeconds";

	/** Job context: when the chained catch-up was published, epoch milliseconds. */
	public static final String CATCH_UP_PUBLISHED_AT = "catchUp.publishedAt";

	/**
	 * Identifying job parameter: the run's claim token, unique across hosts and job
	 * repositories (a new {@code ObjectId}), and the mark its users carry in MongoDB. A
	 * restart keeps the job instance, hence the token and the claimed users.
	 */
	public static final String CLAIM_TOKEN = "run.claim-token";

	/** Job parameter: who asked for the run. */
	public static final String TRIGGER_SOURCE = "trigger.source";

	/** Job parameter: id of the message that asked for the run. */
	public static final String TRIGGER_MESSAGE_ID = "trigger.message-id";

	private RunContextKeys() {
	}

}
