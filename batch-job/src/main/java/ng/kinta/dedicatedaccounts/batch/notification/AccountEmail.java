package ng.kinta.dedicatedaccounts.batch.notification;

/**
 * What the account email says.
 *
 * @param to recipient address
 * @param firstName name used in the greeting
 * @param accountNumber the dedicated account number
 * @param accountName the name on the account
 * @param bankName the bank's name
 */
public record AccountEmail(String to, String firstName, String accountNumber, String accountName, String bankName) {

	@Override
	public String toString() {
		return "AccountEmail[bank=" + this.bankName + "]";
	}

}
