package ng.kinta.dedicatedaccounts.admin.manage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

/**
 * Compares the caller's {@code signature} with {@code SIGNATURE} in constant time. When
 * {@code SIGNATURE} is unset or blank nothing matches, so the API is disabled.
 */
final class SignatureCheck {

	private final byte @Nullable [] expected;

	SignatureCheck(@Nullable String configured) {
		this.expected = (configured == null || configured.isBlank()) ? null
				: configured.getBytes(StandardCharsets.UTF_8);
	}

	boolean enabled() {
		return this.expected != null;
	}

	boolean matches(@Nullable String given) {
		if (this.expected == null || given == null) {
			return false;
		}
		// isEqual's running time depends only on the length of its first argument:
		// passing the caller's value first reveals nothing about the secret, not
		// even its length.
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), this.expected);
	}

}
