package ng.kinta.dedicatedaccounts.batch.explain;

import org.jspecify.annotations.Nullable;

/**
 * Masks an email address or a phone number for an operator's screen: enough to confirm
 * "is this the caller?" with them, too little to contact or impersonate the user.
 */
public final class PersonalDataMask {

	private static final String MASK = "***";

	private PersonalDataMask() {
	}

	/**
	 * Masks an email address: the first character of the local part and the domain, for
	 * example {@code a***@example.com}.
	 * @param email the address as stored, or {@code null}
	 * @return the masked address, {@code ***} when it has no {@code @}, or {@code null}
	 * for none
	 */
	public static @Nullable String email(@Nullable String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		String address = email.strip();
		int at = address.lastIndexOf('@');
		if (at < 1) {
			return MASK;
		}
		return address.charAt(0) + MASK + address.substring(at);
	}

	/**
	 * Masks an account number: its last four digits, for example {@code ******5678}.
	 * @param accountNumber the number
	 * @return the masked number
	 */
	public static String accountNumber(String accountNumber) {
		String number = accountNumber.strip();
		if (number.length() <= 4) {
			return MASK;
		}
		return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
	}

	/**
	 * Masks a name: the first letter of each word, for example {@code K*** O***}.
	 * @param name the name
	 * @return the masked name
	 */
	public static String name(String name) {
		StringBuilder masked = new StringBuilder();
		for (String word : name.strip().split("\\s+")) {
			if (!word.isEmpty()) {
				masked.append((masked.length() > 0) ? " " : "").append(word.charAt(0)).append(MASK);
			}
		}
		return masked.toString();
	}

	/**
	 * Masks a phone number: its first four and last three digits, for example
	 * {@code 0803****567}; a number of fewer than nine digits shows its last two only.
	 * @param phone the number as stored (spaces, dashes and a leading {@code +} allowed),
	 * or {@code null}
	 * @return the masked digits, or {@code null} for none
	 */
	public static @Nullable String phone(@Nullable String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() >= 9) {
			return digits.substring(0, 4) + "****" + digits.substring(digits.length() - 3);
		}
		if (digits.length() > 2) {
			return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
		}
		return MASK;
	}

}
