package ng.kinta.dedicatedaccounts.trigger.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code body} claim of a QStash token: base64url (RFC 4648 §5) of SHA-256 over the
 * raw request bytes. QStash may send it padded with {@code =}; all official SDKs strip
 * the padding on both sides before comparing, and so do we.
 */
final class BodyHash {

	private BodyHash() {
	}

	/**
	 * Hash of the given bytes, unpadded.
	 * @param body raw request body, never {@code null} (use an empty array)
	 * @return base64url of SHA-256 without trailing {@code =}
	 */
	static String of(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform must provide SHA-256
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a {@code body} claim matches the bytes, in constant time.
	 * @param claim the claim as sent, padded or not
	 * @param body raw request body
	 * @return {@code true} when the claim is the hash of {@code body}
	 */
	static boolean matches(String claim, byte[] body) {
		byte[] expected = of(body).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = stripPadding(claim).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual);
	}

	private static String stripPadding(String value) {
		int end = value.length();
		while (end > 0 && value.charAt(end - 1) == '=') {
			end--;
		}
		return value.substring(0, end);
	}

}
