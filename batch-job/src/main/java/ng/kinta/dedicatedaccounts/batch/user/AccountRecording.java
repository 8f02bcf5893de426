package ng.kinta.dedicatedaccounts.batch.user;

/**
 * What recording an account Billstack created did
 * ({@link ProvisioningStateRepository#recordAccountCreated}).
 */
public enum AccountRecording {

	/** The account is now recorded on the user. */
	RECORDED,

	/** The same account was already recorded (a repeated write): nothing changed. */
	ALREADY_RECORDED,

	/**
	 * Another account was already recorded, or the user is provisioned: this one is kept
	 * aside and the user is flagged for reconciliation.
	 */
	CONFLICT

}
