package ng.kinta.dedicatedaccounts.trigger.signature;

import java.nio.charset.StandardCharsets;

/**
 * The two QStash signing keys of a project ({@code QSTASH_CURRENT_SIGNING_KEY} and
 * {@code QSTASH_NEXT_SIGNING_KEY}). A request is accepted when signed with either, which
 * lets the keys be rolled without downtime
 * (https://upstash.com/docs/qstash/howto/roll-signing-keys). The HMAC key bytes are the
 * key string encoded as UTF-8, not base64-decoded.
 *
 * @param current the current signing key, tried first
 * @param next the next signing key, tried when the current one does not match
 */
public record QstashSigningKeys(String current, String next) {

	/**
	 * Checks that both keys are present.
	 * @throws IllegalArgumentException when a key is {@code null} or blank (the message
	 * names the key, never its value)
	 */
	public QstashSigningKeys {
		requireText(current, "current");
		requireText(next, "next");
	}

	byte[] currentBytes() {
		return this.current.getBytes(StandardCharsets.UTF_8);
	}

	byte[] nextBytes() {
		return this.next.getBytes(StandardCharsets.UTF_8);
	}

	private static void requireText(String key, String name) {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("The " + name + " QStash signing key is missing");
		}
	}

	/**
	 * Keeps the keys out of logs and exception messages.
	 * @return a description without the key values
	 */
	@Override
	public String toString() {
		return "QstashSigningKeys[current=***, next=***]";
	}

}
