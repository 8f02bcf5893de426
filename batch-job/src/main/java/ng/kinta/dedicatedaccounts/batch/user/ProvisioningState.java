package ng.kinta.dedicatedaccounts.batch.user;

/**
 * Where a user stands in getting a dedicated account (field
 * {@code accountProvisioning.state}).
 */
public enum ProvisioningState {

	/**
	 * Billstack created the account; the {@code accounts} document may not be written
	 * yet.
	 */
	ACCOUNT_CREATED,

	/**
	 * The user has a dedicated account (created by the job or found in {@code accounts}).
	 */
	PROVISIONED,

	/** Every bank failed; tried again after {@code nextAttemptAt}. */
	FAILED,

	/** The record lacks email, name or phone; tried again after {@code nextAttemptAt}. */
	UNUSABLE_RECORD

}
