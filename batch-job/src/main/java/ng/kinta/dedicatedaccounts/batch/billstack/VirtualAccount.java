package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * A virtual account Billstack created, as stored in {@code accounts.accountDetails}.
 *
 * @param accountName name on the account, as Billstack returned it
 * @param accountNumber the 10-digit account number (NUBAN)
 * @param accountRef the reference Billstack echoed (our request reference when it echoed
 * none)
 * @param bankCode the Billstack bank value the account was opened at, for example
 * {@code PALMPAY}
 * @param bankName the bank's display name as Billstack returned it
 */
public record VirtualAccount(String accountName, String accountNumber, String accountRef, String bankCode,
		String bankName) {

}
