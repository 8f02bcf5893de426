package ng.kinta.dedicatedaccounts.batch.user;

import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises Nigerian mobile numbers to the local form Billstack is sent: 11 digits
 * starting with {@code 0} (for example {@code 08031234567}; see docs/DATA-MODEL.md).
 * Parsing and validation are Google's libphonenumber with region {@code NG}
 * (https://github.com/google/libphonenumber), after the text is cleaned the way a phone
 * keyboard's output needs: Unicode NFKC (full-width digits, odd spaces) and removal of
 * invisible format characters (bidi marks, zero-width spaces, byte-order marks).
 */
public final class NigerianPhoneNumber {

	private static final String REGION = "NG";

	private static final int COUNTRY_CODE = 234;

	/**
	 * Only mobile numbers: the job has always sent Billstack mobile numbers (landlines,
	 * toll-free and universal access numbers were refused before libphonenumber too).
	 */
	private static final Set<PhoneNumberType> MOBILE = Set.of(PhoneNumberType.MOBILE);

	private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}+");

	private static final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

	private NigerianPhoneNumber() {
	}

	/**
	 * Normalises a phone number as the app stored it: {@code 0803…}, {@code 803…},
	 * {@code +234…}, {@code 234…}, {@code 00234…}, {@code 009234…}, with any spaces,
	 * dashes, dots, parentheses, full-width digits or invisible marks.
	 * @param raw the number as stored, not {@code null}
	 * @return the local form, 11 ASCII digits starting with {@code 0}
	 * @throws UnusableUserRecordException when the value is not a valid phone number, not
	 * Nigerian, or not a mobile number (the reason names the field, never its value)
	 */
	public static String normalize(String raw) {
		String text = UnicodeText.withoutFormatCharacters(UnicodeText.nfkc(raw));
		// tabs and line breaks are not among the separators libphonenumber knows
		text = WHITE_SPACE.matcher(text).replaceAll(" ").strip();
		PhoneNumber number = parse(text);
		if (number == null || !phoneNumbers.isValidNumber(number)) {
			throw new UnusableUserRecordException("phoneNumber is not a valid phone number");
		}
		if (number.getCountryCode() != COUNTRY_CODE) {
			throw new UnusableUserRecordException("phoneNumber is not a Nigerian number");
		}
		if (!MOBILE.contains(phoneNumbers.getNumberType(number))) {
			throw new UnusableUserRecordException("phoneNumber is not a Nigerian mobile number");
		}
		return "0" + phoneNumbers.getNationalSignificantNumber(number);
	}

	private static PhoneNumber parse(String text) {
		PhoneNumber number = parseOrNull(text);
		if ((number == null || !phoneNumbers.isValidNumber(number)) && text.startsWith("00")) {
			// Nigeria's own international prefix is 009, but numbers are written with the
			// 00 that most of the world dials: 00 234 803 …
			number = parseOrNull("+" + text.substring(2));
		}
		return number;
	}

	private static PhoneNumber parseOrNull(String text) {
		try {
			return phoneNumbers.parse(text, REGION);
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

}
