package ng.kinta.dedicatedaccounts.trigger.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints an {@code Upstash-Signature} token the way QStash does
 * (https://upstash.com/docs/qstash/features/security, {@code docs/QSTASH.md} §1): header
 * {@code {"alg":"HS256","typ":"JWT"}}, claims {@code iss=Upstash}, {@code sub} =
 * destination URL, {@code iat} = now, {@code exp} = now + 5 minutes, {@code nbf} = 0 (as
 * QStash has sent since 2024), a unique {@code jti} and {@code body} =
 * base64url(SHA-256(body)) with {@code =} padding, as in QStash's own example. Used by
 * the {@code test-cron} command; the server never signs.
 */
public final class QstashTokenSigner {

	/** How long a token is valid, as QStash's default. */
	public static final Duration LIFETIME = Duration.ofMinutes(5);

	private final MACSigner signer;

	private final Clock clock;

	/**
	 * Creates a signer.
	 * @param signingKey the key to sign with (the current signing key), UTF-8 encoded, at
	 * least 32 bytes
	 * @param clock the source of {@code iat}/{@code exp}
	 * @throws IllegalArgumentException when the key is shorter than 256 bits
	 */
	public QstashTokenSigner(String signingKey, Clock clock) {
		try {
			this.signer = new MACSigner(signingKey);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The QStash signing key is shorter than 256 bits");
		}
		this.clock = clock;
	}

	/**
	 * Signs a request.
	 * @param destinationUrl the {@code sub} claim: the URL the request is meant for
	 * @param body the exact body bytes that will be sent
	 * @return the compact JWT for the {@code Upstash-Signature} header
	 */
	public String sign(String destinationUrl, byte[] body) {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(QstashSignatureVerifier.ISSUER)
			.subject(destinationUrl)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.notBeforeTime(new Date(0))
			.jwtID("jwt_" + UUID.randomUUID().toString().replace("-", ""))
			.claim(QstashSignatureVerifier.BODY_CLAIM, paddedHash(body))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign the test request", ex);
		}
		return jwt.serialize();
	}

	private static String paddedHash(byte[] body) {
		try {
			return Base64.getUrlEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
