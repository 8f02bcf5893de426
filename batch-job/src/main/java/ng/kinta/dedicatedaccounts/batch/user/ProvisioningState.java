package ng.kinta.dedicatedaccounts.batch.user;

/**
 * Where a user stands in getting a dedicated account (field
 * {@code accountProvisioning.state}; absent before the job's first attempt). The
 * transitions allowed between these states are in {@link ProvisioningTransitions}, and
 * every write of the state checks them.
 */
public enum ProvisioningState {

	/**
	 * A Billstack request is out (or was, when its answer got lost): bank, reference,
	 * time and the sending run's claim token are in {@code accountProvisioning.request}.
	 * Written before the request is sent.
	 */
	REQUEST_SENT,

	/**
	 * A request was sent and no answer came back (read timeout, connection reset, 504,
	 * Billstack's "multiple requests for same email", a marker left behind): Billstack
	 * may have created the account. Only the same bank is asked again, with the same
	 * reference, after {@code nextAttemptAt}.
	 */
	OUTCOME_UNKNOWN,

	/**
	 * Unknown outcomes exhausted their retries, or a second account arrived: an operator
	 * must check Billstack's dashboard and record the account or release the user
	 * ({@code batch-job.jar reconciliation}). No run picks the user meanwhile.
	 */
	NEEDS_RECONCILIATION,

	/**
	 * Billstack created the account; the {@code accounts} document may not be written
	 * yet. Never overwritten: only {@link #PROVISIONED} follows.
	 */
	ACCOUNT_CREATED,

	/**
	 * The user has a dedicated account (created by the job or found in {@code accounts}).
	 */
	PROVISIONED,

	/**
	 * Every bank said the account was not created; tried again after
	 * {@code nextAttemptAt}.
	 */
	FAILED,

	/**
	 * No request is out and nothing was created, but the user was left for a later run
	 * without a penalty: Billstack kept throttling, or the run's time ran out between
	 * banks.
	 */
	DEFERRED,

	/** The record lacks email, name or phone; tried again after {@code nextAttemptAt}. */
	UNUSABLE_RECORD

}
