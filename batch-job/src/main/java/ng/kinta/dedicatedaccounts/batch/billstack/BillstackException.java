package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * Base of the Billstack client's failures. Messages carry Billstack's own message and the
 * HTTP status, never the secret key or the customer's personal data.
 */
public abstract class BillstackException extends RuntimeException {

	protected BillstackException(String message, Throwable cause) {
		super(message, cause);
	}

}
