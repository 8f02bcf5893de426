package ng.kinta.dedicatedaccounts.batch.user;

import java.util.Locale;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

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
	 * Reads the fields the job needs from a {@code users} document.
	 * @param user the document (only the projected fields are needed)
	 * @return the customer
	 * @throws UnusableUserRecordException when {@code _id}, {@code auth.email},
	 * {@code fullName} or {@code phoneNumber} is missing or unusable
	 */
	public static Customer from(Document user) {
		if (!(user.get(UserFields.ID) instanceof ObjectId id)) {
			throw new UnusableUserRecordException("_id is not an ObjectId");
		}
		String email = stringAt(user, UserFields.AUTH, UserFields.AUTH_EMAIL);
		if (email == null || email.isBlank()) {
			throw new UnusableUserRecordException("missing auth.email");
		}
		email = email.strip().toLowerCase(Locale.ROOT);
		if (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1 || email.contains(" ")) {
			throw new UnusableUserRecordException("auth.email is not an email address");
		}
		PersonName name = PersonName.parse(stringAt(user, UserFields.FULL_NAME))
			.orElseThrow(() -> new UnusableUserRecordException("missing fullName"));
		String rawPhone = stringAt(user, UserFields.PHONE_NUMBER);
		if (rawPhone == null || rawPhone.isBlank()) {
			throw new UnusableUserRecordException("missing phoneNumber");
		}
		String phone = NigerianPhoneNumber.normalize(rawPhone)
			.orElseThrow(() -> new UnusableUserRecordException("phoneNumber is not a Nigerian mobile number"));
		return new Customer(id, email, name, phone);
	}

	private static @Nullable String stringAt(Document document, String... path) {
		Object value = document;
		for (String key : path) {
			if (!(value instanceof Document current)) {
				return null;
			}
			value = current.get(key);
		}
		return (value instanceof String text) ? text : null;
	}

	@Override
	public String toString() {
		return "Customer[id=" + this.id.toHexString() + "]";
	}

}
