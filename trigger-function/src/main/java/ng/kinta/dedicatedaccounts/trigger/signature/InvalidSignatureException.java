package ng.kinta.dedicatedaccounts.trigger.signature;

/**
 * Thrown by {@link QstashSignatureVerifier} when a request is not a genuine QStash
 * delivery for our endpoint. The message is the same for every kind of failure; the
 * {@link #reason() reason} is a coarse category meant for one log line and for tests,
 * never for the HTTP caller. Neither carries the token, the keys or expected values.
 * Checks: https://upstash.com/docs/qstash/features/security.
 */
public class InvalidSignatureException extends Exception {

	private final Reason reason;

	InvalidSignatureException(Reason reason) {
		super("Invalid QStash signature", null, false, false);
		this.reason = reason;
	}

	/**
	 * Why the signature was rejected.
	 * @return the category of the failure
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Whether no redelivery of the same message can verify either: the token was signed
	 * with one of our keys (so QStash sent it), but its {@code iss}, {@code sub} or
	 * {@code body} claim does not match. QStash redelivers a message to the same
	 * destination with the same body, so every retry would fail the same way. Every other
	 * failure may pass on a retry (a fresh token, also after a replayed one; signing keys
	 * being rolled; a clock catching up) or cannot be told apart from a stranger's
	 * request.
	 * @return {@code true} for {@link Reason#CLAIMS} and {@link Reason#BODY}
	 */
	public boolean neverVerifiesOnRetry() {
		return this.reason == Reason.CLAIMS || this.reason == Reason.BODY;
	}

	/**
	 * Categories of signature failures, in the order the checks run.
	 */
	public enum Reason {

		/** No {@code Upstash-Signature} header, or a blank one. */
		MISSING,

		/** The header is longer than the configured limit; it was not parsed. */
		TOO_LARGE,

		/** Not a compact signed JWT, or its claims are not JSON. */
		MALFORMED,

		/** The JWT header names an algorithm other than HS256. */
		ALGORITHM,

		/** The HMAC matches neither signing key. */
		SIGNATURE,

		/** The token has expired, or is not valid yet (after the clock tolerance). */
		EXPIRED_OR_NOT_YET_VALID,

		/** {@code iss} or {@code sub} is wrong, or a required claim is missing. */
		CLAIMS,

		/** The {@code body} claim is not the hash of the bytes received. */
		BODY,

		/**
		 * A valid token that was accepted before (same {@code jti}): a replayed delivery.
		 * QStash signs every attempt anew, so its own redeliveries never get here.
		 */
		REPLAYED

	}

}
