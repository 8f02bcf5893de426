package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * Billstack answered that this bank cannot create the account ({@code status:false}, an
 * HTTP 4xx other than 401/403/429, or an answer that is not the expected JSON): the next
 * bank is tried.
 */
public class BankRejectedException extends BillstackException {

	public BankRejectedException(String message) {
		super(message, null);
	}

}
