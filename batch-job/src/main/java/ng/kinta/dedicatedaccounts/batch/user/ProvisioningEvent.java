package ng.kinta.dedicatedaccounts.batch.user;

/**
 * What happened to a user, as kept in its provisioning history
 * ({@link UserFields#HISTORY}, the last {@link UserFields#HISTORY_LIMIT} events): the
 * answer to "why has this user no account?" without reading logs.
 */
public enum ProvisioningEvent {

	/** A run claimed the user (its claim token). */
	CLAIMED,

	/** A request went to Billstack (bank, reference, the run's claim token). */
	REQUEST_SENT,

	/** Billstack created the account, recorded at once. */
	ACCOUNT_CREATED,

	/** Billstack answered with a second account after one was recorded. */
	SECOND_ACCOUNT,

	/** A request got no answer; the same bank is asked again after the back-off. */
	OUTCOME_UNKNOWN,

	/** Parked for an operator: the outcome stayed unknown. */
	NEEDS_RECONCILIATION,

	/** Left for a later run without a penalty (throttled, or time ran out). */
	DEFERRED,

	/** Every bank refused; tried again after the back-off. */
	FAILED,

	/** The user's record cannot be used (the field is named in the detail). */
	UNUSABLE_RECORD,

	/** The account's {@code accounts} document is written: the user has the account. */
	PROVISIONED,

	/** The user was found to own an account created outside the job. */
	EXISTING_ACCOUNT,

	/** The account email was accepted by the relay. */
	EMAIL_SENT,

	/** The account email can never be sent (the reply code is in the detail). */
	EMAIL_FAILED,

	/** An operator resolved the user (action and who in the detail). */
	RESOLVED

}
