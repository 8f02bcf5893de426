package ng.kinta.dedicatedaccounts.batch.user;

import java.text.Normalizer;

/**
 * Cleaning of text typed on phones: what the eye does not see must not change what the
 * job does.
 */
final class UnicodeText {

	private UnicodeText() {
	}

	/**
	 * Unicode compatibility normalisation (NFKC): full-width digits become ASCII digits,
	 * no-break, figure, narrow and ideographic spaces become plain spaces.
	 * @param text any text
	 * @return the normalised text
	 */
	static String nfkc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

	/**
	 * Removes invisible format characters (Unicode category Cf, as
	 * {@link Character#getType(int)} reports {@link Character#FORMAT}): zero-width space
	 * and joiners, left-to-right and right-to-left marks and embeddings, word joiner,
	 * soft hyphen, byte-order mark.
	 * @param text any text
	 * @return the text without them
	 */
	static String withoutFormatCharacters(String text) {
		StringBuilder visible = new StringBuilder(text.length());
		text.codePoints()
			.filter((codePoint) -> Character.getType(codePoint) != Character.FORMAT)
			.forEach(visible::appendCodePoint);
		return visible.toString();
	}

}
