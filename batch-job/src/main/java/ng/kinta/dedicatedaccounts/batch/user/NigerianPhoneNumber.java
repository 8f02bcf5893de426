package ng.kinta.dedicatedaccounts.batch.user;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Normalises Nigerian phone numbers to the local form Billstack accepts: 11 digits
 * starting with {@code 0} (for example {@code 08031234567}). See
 * {@code docs/BILLSTACK.md} §1.
 */
public final class NigerianPhoneNumber {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");

	private static final Pattern LOCAL_FORM = Pattern.compile("0[789][01]\\d{8}");

	private NigerianPhoneNumber() {
	}

	/**
	 * Normalises {@code 0803…}, {@code +234803…}, {@code 234803…}, {@code 803…}, with or
	 * without spaces, dashes, dots or parentheses.
	 * @param raw the number as stored, may be {@code null}
	 * @return the local form, or empty when the value is not a Nigerian mobile number
	 */
	public static Optional<String> normalize(@Nullable String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
		if (digits.startsWith("+")) {
			digits = digits.substring(1);
		}
		if (digits.startsWith("234") && digits.length() == 13) {
			digits = "0" + digits.substring(3);
		}
		else if (digits.length() == 10 && !digits.startsWith("0")) {
			digits = "0" + digits;
		}
		return LOCAL_FORM.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
	}

}
