package ng.kinta.dedicatedaccounts.batch.user;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's name split the way Billstack wants it: the first word is the first name, the
 * rest the last name; a single name is used for both.
 *
 * @param firstName the first name
 * @param lastName the last name (the first name again for a single name)
 */
public record PersonName(String firstName, String lastName) {

	/**
	 * Any Unicode white space (property White_Space): tab, line breaks, no-break, figure,
	 * narrow no-break, ideographic and every other space.
	 */
	private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}+");

	/**
	 * Splits a full name. Invisible format characters (zero-width spaces and joiners,
	 * bidi marks, byte-order mark) are removed; words are separated by any run of Unicode
	 * white space; apostrophes, hyphens and diacritics are kept as written.
	 * @param fullName the name as the app stored it, may be {@code null}
	 * @return the split name, or empty when the name has no visible character
	 */
	public static Optional<PersonName> parse(String fullName) {
		if (fullName == null) {
			return Optional.empty();
		}
		String[] words = WHITE_SPACE.split(UnicodeText.withoutFormatCharacters(fullName));
		String first = null;
		StringBuilder last = new StringBuilder();
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			if (first == null) {
				first = word;
			}
			else {
				last.append((last.length() > 0) ? " " : "").append(word);
			}
		}
		if (first == null) {
			return Optional.empty();
		}
		return Optional.of(new PersonName(first, (last.length() > 0) ? last.toString() : first));
	}

}
