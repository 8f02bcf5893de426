package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * Body of {@code POST /v2/thirdparty/generateVirtualAccount/} (see
 * {@code docs/BILLSTACK.md} §1).
 *
 * @param email the customer's email, trimmed and lower-case
 * @param reference our reference for the account: the user's hex id
 * @param firstName the customer's first name
 * @param lastName the customer's last name
 * @param phone Nigerian local phone number, 11 digits starting with {@code 0}
 * @param bank the bank to open the account at, for example {@code PALMPAY}
 */
public record GenerateVirtualAccountRequest(String email, String reference, String firstName, String lastName,
		String phone, String bank) {

	@Override
	public String toString() {
		// personal data stays out of logs: only the reference and bank
		// identify the request
		return "GenerateVirtualAccountRequest[reference=" + this.reference + ", bank=" + this.bank + "]";
	}

}
