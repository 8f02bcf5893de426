package ng.kinta.dedicatedaccounts.batch.user;

import org.bson.types.ObjectId;

/**
 * The details of one user that Billstack and the email need, validated and normalised.
 *
 * @param id the user's id
 * @param email email, trimmed and lower-case
 * @param name first and last name
 * @param phone phone number in Nigerian local form
 */
public record Customer(ObjectId id, String email, PersonName name, String phone) {

	/**
	 * Validates and normalises the fields the job needs.
	 * @param user the user as read
	 * @return the customer
	 * @throws UnusableUserRecordException when {@code _id}, {@code auth.email},
	 * {@code fullName} or {@code phoneNumber} is missing or unusable
	 */
	public static Customer from(UserRecord user) {
		ObjectId id = user.id();
		if (id == null) {
			throw new UnusableUserRecordException("_id is not an ObjectId");
		}
		String email = user.email();
		if (email == null || email.isBlank()) {
			throw new UnusableUserRecordException("missing auth.email");
		}
		email = MailAddress.normalize(email);
		PersonName name = PersonName.parse(user.fullName())
			.orElseThrow(() -> new UnusableUserRecordException("missing fullName"));
		String rawPhone = user.phoneNumber();
		if (rawPhone == null || rawPhone.isBlank()) {
			throw new UnusableUserRecordException("missing phoneNumber");
		}
		String phone = NigerianPhoneNumber.normalize(rawPhone);
		return new Customer(id, email, name, phone);
	}

	@Override
	public String toString() {
		return "Customer[id=" + this.id.toHexString() + "]";
	}

}
