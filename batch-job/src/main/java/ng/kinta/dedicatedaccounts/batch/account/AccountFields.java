package ng.kinta.dedicatedaccounts.batch.account;

/**
 * Field names of the existing app's {@code accounts} collection (written by its Mongoose
 * model; the data model is described in {@code docs/DATA-MODEL.md}).
 */
public final class AccountFields {

	/** The accounts collection. */
	public static final String ACCOUNTS = "accounts";

	/** The owner: the user's ObjectId, its hex string, or the user's email. */
	public static final String USER = "user";

	/** {@code true} on a real account; {@code false} on a signup placeholder. */
	public static final String HAS_DEDICATED_ACCOUNT = "hasDedicatedAccountNumber";

	private AccountFields() {
	}

}
