package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * A failure after which the account was definitely not created, worth retrying at the
 * same bank: connection refused, a connect timeout, HTTP 500, 502 or 503. When retries
 * run out the user moves to the next bank.
 */
public class TransientBillstackException extends BillstackException {

	public TransientBillstackException(String message, Throwable cause) {
		super(message, cause);
	}

}
