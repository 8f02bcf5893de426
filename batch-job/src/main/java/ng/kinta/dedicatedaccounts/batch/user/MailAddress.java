package ng.kinta.dedicatedaccounts.batch.user;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Checks that {@code auth.email} is one address the account email can be sent to, before
 * Billstack is asked for an account: an address the mail relay would refuse on every run
 * would otherwise leave an account whose email never goes out.
 */
public final class MailAddress {

	/** Any Unicode white space (no-break spaces too) at either end. */
	private static final Pattern SURROUNDING_WHITE_SPACE = Pattern.compile("^\\p{IsWhite_Space}+|\\p{IsWhite_Space}+$");

	private MailAddress() {
	}

	private static boolean isSpaceOrInvisible(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
				|| Character.getType(codePoint) == Character.FORMAT;
	}

	/**
	 * Normalises and checks an address: surrounding (Unicode) white space removed,
	 * lower-cased, then parsed strictly by Jakarta Mail
	 * ({@link InternetAddress#InternetAddress(String, boolean)} with
	 * {@code strict = true}, then {@link InternetAddress#validate()}). It must be exactly
	 * one bare address: no list, no display name, no group.
	 * @param raw the address as stored, not {@code null}
	 * @return the address, trimmed and lower-case
	 * @throws UnusableUserRecordException when it is not one valid address (the reason
	 * names the field, never its value)
	 */
	public static String normalize(String raw) {
		String email = SURROUNDING_WHITE_SPACE.matcher(raw).replaceAll("").toLowerCase(Locale.ROOT);
		if (email.codePoints().anyMatch(MailAddress::isSpaceOrInvisible)) {
			// Jakarta Mail accepts some of them inside an address; no relay delivers
			// there
			throw new UnusableUserRecordException("auth.email is not an email address");
		}
		try {
			InternetAddress address = new InternetAddress(email, true);
			address.validate();
			if (address.isGroup() || address.getPersonal() != null || !email.equals(address.getAddress())) {
				throw new UnusableUserRecordException("auth.email is not a single email address");
			}
			return email;
		}
		catch (AddressException ex) {
			throw new UnusableUserRecordException("auth.email is not an email address");
		}
	}

}
