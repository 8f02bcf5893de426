package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * A failure worth retrying at the same bank: timeout, connection error, HTTP 5xx or 429,
 * or Billstack's refusal of concurrent requests for one email. After a timeout the
 * outcome is unknown (Billstack has no lookup endpoint), so retries reuse the same
 * reference.
 */
public class TransientBillstackException extends BillstackException {

	public TransientBillstackException(String message, Throwable cause) {
		super(message, cause);
	}

}
