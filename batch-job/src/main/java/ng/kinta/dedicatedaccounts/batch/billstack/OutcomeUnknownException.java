package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * The request was sent and no answer came back, so Billstack may have created the
 * account: a read timeout, a connection reset or closed mid-answer, HTTP 504 or 524, or
 * Billstack's "multiple requests at a time for same email" (another request for this
 * customer is still being handled). Never retried at once and never followed by a request
 * at another bank: the user waits for {@code app.billstack.unknown-outcome-backoff}, then
 * the same bank is asked again with the same reference ({@code docs/BILLSTACK.md} §4).
 */
public class OutcomeUnknownException extends BillstackException {

	private final String bank;

	public OutcomeUnknownException(String bank, String message, Throwable cause) {
		super(message, cause);
		this.bank = bank;
	}

	/**
	 * The bank that was asked.
	 * @return the Billstack bank value
	 */
	public String bank() {
		return this.bank;
	}

}
