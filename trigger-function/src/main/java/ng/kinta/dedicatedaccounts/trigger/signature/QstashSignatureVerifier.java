package ng.kinta.dedicatedaccounts.trigger.signature;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import ng.kinta.dedicatedaccounts.trigger.signature.InvalidSignatureException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the {@code Upstash-Signature} header of a QStash delivery, following
 * https://upstash.com/docs/qstash/features/security ({@code docs/QSTASH.md} §1):
 * <ul>
 * <li>a compact JWT signed with HS256 (any other {@code alg}, {@code none} included, is
 * rejected) by the current signing key, else by the next one;</li>
 * <li>{@code iss} is {@code Upstash}; {@code sub} equals the configured public URL of the
 * endpoint, compared as exact strings (never the URL a proxy forwarded);</li>
 * <li>{@code exp} and {@code nbf} (when present) hold, give or take the clock
 * tolerance;</li>
 * <li>{@code body} is base64url(SHA-256(raw body bytes)), compared without {@code =}
 * padding and in constant time;</li>
 * <li>{@code jti} was never accepted before ({@link UsedTokens}, remembered until
 * {@code exp} plus the clock tolerance): a captured delivery cannot be replayed within
 * its validity window. QStash signs every attempt with a new token, so its redeliveries
 * are not affected.</li>
 * </ul>
 * Headers longer than the size limit are rejected before parsing. Thread-safe.
 */
public final class QstashSignatureVerifier {

	/** The {@code iss} claim of every QStash token. */
	public static final String ISSUER = "Upstash";

	static final String BODY_CLAIM = "body";

	private final List<MACVerifier> verifiers;

	private final DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;

	private final int maxSignatureLength;

	private final Duration clockTolerance;

	private final UsedTokens usedTokens;

	/**
	 * Creates a verifier.
	 * @param keys the current and next signing keys (each at least 32 bytes as UTF-8, as
	 * HS256 requires)
	 * @param expectedUrl the exact {@code sub} expected: the public URL QStash delivers
	 * to, e.g. {@code https://api.example.com/api/cron/create-dedicated-accounts}
	 * @param clock the source of "now" for {@code exp}/{@code nbf}
	 * @param clockTolerance allowed clock difference for {@code exp}/{@code nbf}, whole
	 * seconds (sub-second parts are dropped)
	 * @param maxSignatureLength largest accepted header value, in characters
	 * @param usedTokens where accepted tokens are remembered, shared by every host
	 * @throws IllegalArgumentException when a key is shorter than 256 bits, the URL is
	 * blank, or a limit is negative
	 */
	public QstashSignatureVerifier(QstashSigningKeys keys, String expectedUrl, Clock clock, Duration clockTolerance,
			int maxSignatureLength, UsedTokens usedTokens) {
		if (expectedUrl == null || expectedUrl.isBlank()) {
			throw new IllegalArgumentException("The expected URL (sub claim) is missing");
		}
		if (clockTolerance.isNegative() || maxSignatureLength <= 0) {
			throw new IllegalArgumentException("Clock tolerance and signature length limit must be positive");
		}
		this.verifiers = List.of(macVerifier(keys.currentBytes(), "current"), macVerifier(keys.nextBytes(), "next"));
		this.claimsVerifier = new ClockAwareClaimsVerifier(expectedUrl, clock);
		this.claimsVerifier.setMaxClockSkew(Math.toIntExact(clockTolerance.toSeconds()));
		this.maxSignatureLength = maxSignatureLength;
		this.clockTolerance = Duration.ofSeconds(clockTolerance.toSeconds());
		this.usedTokens = usedTokens;
	}

	/**
	 * Verifies a delivery.
	 * @param signature the {@code Upstash-Signature} header value, or {@code null} when
	 * absent
	 * @param body the raw request body bytes exactly as received (empty array for no
	 * body)
	 * @throws InvalidSignatureException when the request is not a valid QStash delivery
	 * for the expected URL
	 */
	public void verify(@Nullable String signature, byte[] body) throws InvalidSignatureException {
		if (signature == null || signature.isBlank()) {
			throw new InvalidSignatureException(Reason.MISSING);
		}
		if (signature.length() > this.maxSignatureLength) {
			throw new InvalidSignatureException(Reason.TOO_LARGE);
		}
		SignedJWT jwt = parse(signature.strip());
		if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
			throw new InvalidSignatureException(Reason.ALGORITHM);
		}
		if (!signedWithEitherKey(jwt)) {
			throw new InvalidSignatureException(Reason.SIGNATURE);
		}
		JWTClaimsSet claims = claims(jwt);
		try {
			this.claimsVerifier.verify(claims, null);
		}
		catch (ExpiredJWTException ex) {
			throw new InvalidSignatureException(Reason.EXPIRED_OR_NOT_YET_VALID);
		}
		catch (BadJWTException ex) {
			// nimbus tells an nbf failure apart only by its message (pinned by a test)
			throw new InvalidSignatureException(
					ex.getMessage().contains("before use time") ? Reason.EXPIRED_OR_NOT_YET_VALID : Reason.CLAIMS);
		}
		if (!(claims.getClaim(BODY_CLAIM) instanceof String bodyClaim) || !BodyHash.matches(bodyClaim, body)) {
			throw new InvalidSignatureException(Reason.BODY);
		}
		// last: only a token that passed every other check is remembered
		Instant forgetAfter = claims.getExpirationTime().toInstant().plus(this.clockTolerance);
		if (!this.usedTokens.recordFirstUse(claims.getJWTID(), forgetAfter)) {
			throw new InvalidSignatureException(Reason.REPLAYED);
		}
	}

	private boolean signedWithEitherKey(SignedJWT jwt) throws InvalidSignatureException {
		for (MACVerifier verifier : this.verifiers) {
			try {
				if (jwt.verify(verifier)) {
					return true;
				}
			}
			catch (JOSEException | IllegalStateException ex) {
				throw new InvalidSignatureException(Reason.SIGNATURE);
			}
		}
		return false;
	}

	private static SignedJWT parse(String token) throws InvalidSignatureException {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException | RuntimeException ex) {
			// nimbus rejects unsecured ("alg":"none") tokens here: they are
			// not JWS objects
			throw new InvalidSignatureException(Reason.MALFORMED);
		}
	}

	private static JWTClaimsSet claims(SignedJWT jwt) throws InvalidSignatureException {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new InvalidSignatureException(Reason.MALFORMED);
		}
	}

	private static MACVerifier macVerifier(byte[] secret, String name) {
		try {
			return new MACVerifier(secret);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The " + name + " QStash signing key is shorter than 256 bits");
		}
	}

	/**
	 * Nimbus' claims verifier with {@code iss}/{@code sub} as exact matches and "now"
	 * from an injected {@link Clock}.
	 */
	private static final class ClockAwareClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

		private final Clock clock;

		ClockAwareClaimsVerifier(String expectedUrl, Clock clock) {
			super(new JWTClaimsSet.Builder().issuer(ISSUER).subject(expectedUrl).build(), Set.of(JWTClaimNames.ISSUER,
					JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.JWT_ID, BODY_CLAIM));
			this.clock = clock;
		}

		@Override
		protected Date currentTime() {
			return Date.from(this.clock.instant());
		}

	}

}
