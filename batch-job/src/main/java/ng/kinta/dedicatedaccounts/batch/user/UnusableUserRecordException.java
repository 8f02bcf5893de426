package ng.kinta.dedicatedaccounts.batch.user;

/**
 * A user record lacks what Billstack needs (email, name or phone) or holds it in a form
 * that cannot be used. The user is skipped with this reason, which names fields, never
 * their values.
 */
public class UnusableUserRecordException extends RuntimeException {

	public UnusableUserRecordException(String reason) {
		super(reason);
	}

}
