package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * Billstack refused our credentials (HTTP 401 or 403). Every user would fail the same
 * way, so this stops the run instead of marking users as failed; fix
 * {@code BILL_STACK_SECRET_KEY} and restart the run.
 */
public class BillstackAuthenticationException extends BillstackException {

	public BillstackAuthenticationException(String message) {
		super(message, null);
	}

}
