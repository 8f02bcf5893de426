package ng.kinta.dedicatedaccounts.batch.account;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import org.bson.Document;

/**
 * The {@code accountDetails} sub-document of the existing app's {@code accounts}
 * collection ({@code docs/DATA-MODEL.md}); the job keeps the same shape in
 * {@code users.accountProvisioning.account}.
 */
public final class AccountDetails {

	private AccountDetails() {
	}

	/**
	 * The sub-document of an account.
	 * @param account the account
	 * @return {@code {accountName, accountNumber, accountRef, bankCode, bankName}}
	 */
	public static Document toDocument(VirtualAccount account) {
		return new Document("accountName", account.accountName()).append("accountNumber", account.accountNumber())
			.append("accountRef", account.accountRef())
			.append("bankCode", account.bankCode())
			.append("bankName", account.bankName());
	}

	/**
	 * The account of a sub-document written by {@link #toDocument}.
	 * @param details the sub-document
	 * @return the account (fields missing from the document are {@code null})
	 */
	public static VirtualAccount fromDocument(Document details) {
		return new VirtualAccount(details.getString("accountName"), details.getString("accountNumber"),
				details.getString("accountRef"), details.getString("bankCode"), details.getString("bankName"));
	}

}
