package ng.kinta.dedicatedaccounts.batch.user;

/**
 * Whether the "account ready" email went out (field
 * {@code accountProvisioning.notification}).
 */
public enum NotificationState {

	/** Not sent yet (or the last try failed); a later run sends it. */
	PENDING,

	/** Sent. */
	SENT,

	/**
	 * Never to be sent: the relay refused the recipient for good (5xx to {@code RCPT TO})
	 * or the address cannot be parsed strictly; the reason is in
	 * {@code accountProvisioning.notificationError}.
	 */
	FAILED

}
