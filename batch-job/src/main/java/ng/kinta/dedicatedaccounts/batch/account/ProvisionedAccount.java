package ng.kinta.dedicatedaccounts.batch.account;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import org.bson.types.ObjectId;

/**
 * A user's new virtual account on its way to the {@code accounts} collection and the
 * user's inbox: the item the provisioning step writes.
 *
 * @param userId the user's id
 * @param email where the account email goes (trimmed, lower-case)
 * @param firstName first name used in the email greeting
 * @param account the account Billstack created
 * @param emailAlreadySent whether the account email went out in an earlier attempt
 */
public record ProvisionedAccount(ObjectId userId, String email, String firstName, VirtualAccount account,
		boolean emailAlreadySent) {

	@Override
	public String toString() {
		return "ProvisionedAccount[userId=" + this.userId.toHexString() + ", bank=" + this.account.bankCode() + "]";
	}

}
