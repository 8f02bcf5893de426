package ng.kinta.dedicatedaccounts.batch.job;

/**
 * The names of {@code createDedicatedAccountsJob}'s steps, as the job repository stores
 * them ({@code BATCH_STEP_EXECUTION.STEP_NAME}); written here once.
 */
public final class StepNames {

	/**
	 * Tasklet: creates indexes, marks users who own an account, claims this run's users.
	 */
	public static final String SELECT_USERS = "selectUsersStep";

	/** Tasklet: sends the account emails earlier runs could not send. */
	public static final String SEND_PENDING_EMAILS = "sendPendingEmailsStep";

	/** Chunk-oriented step: claimed users → Billstack → {@code accounts} + email. */
	public static final String PROVISION_ACCOUNTS = "provisionAccountsStep";

	private StepNames() {
	}

}
