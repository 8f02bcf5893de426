package ng.kinta.dedicatedaccounts.batch.notification;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;

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

	/**
	 * The email for a new account.
	 * @param to recipient address
	 * @param firstName name used in the greeting
	 * @param account the account
	 * @return the email
	 */
	public static AccountEmail of(String to, String firstName, VirtualAccount account) {
		return new AccountEmail(to, firstName, account.accountNumber(), account.accountName(), account.bankName());
	}

	@Override
	public String toString() {
		return "AccountEmail[bank=" + this.bankName + "]";
	}

}
