package ng.kinta.dedicatedaccounts.batch.user;

/**
 * Whether the "account ready" email went out (field
 * {@code accountProvisioning.notification}).
 */
public enum NotificationState {

	/** Not sent yet (or the last try failed); a later run sends it. */
	PENDING,

	/** Sent. */
	SENT

}
