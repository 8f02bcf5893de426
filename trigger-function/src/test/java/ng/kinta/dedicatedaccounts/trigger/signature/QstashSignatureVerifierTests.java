package ng.kinta.dedicatedaccounts.trigger.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import ng.kinta.dedicatedaccounts.trigger.signature.InvalidSignatureException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QstashSignatureVerifierTests {

	static final String CURRENT_KEY = "sig_CurrentKeyForTheUnitTests001";

	static final String NEXT_KEY = "sig_NextKeyForTheUnitTests000002";

	static final String URL = "https://api.example.com/api/cron/create-dedicated-accounts";

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	static final byte[] BODY = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

	static final String EMPTY_BODY_HASH = "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU";

	static final AtomicLong TOKEN_IDS = new AtomicLong();

	/** What the verifier recorded: token id to "forget after". */
	final Map<String, Instant> used = new ConcurrentHashMap<>();

	final QstashSignatureVerifier verifier = new QstashSignatureVerifier(new QstashSigningKeys(CURRENT_KEY, NEXT_KEY),
			URL, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5), 8192,
			(tokenId, forgetAfter) -> this.used.putIfAbsent(tokenId, forgetAfter) == null);

	@Test
	void acceptsTokenSignedWithCurrentKey() {
		assertThatCode(() -> this.verifier.verify(token(CURRENT_KEY, BODY, (claims) -> {
		}), BODY)).doesNotThrowAnyException();
	}

	@Test
	void acceptsTokenSignedWithNextKey() {
		assertThatCode(() -> this.verifier.verify(token(NEXT_KEY, BODY, (claims) -> {
		}), BODY)).doesNotThrowAnyException();
	}

	@Test
	void rejectsTokenSignedWithAnotherKey() {
		assertRejected(token("sig_SomebodyElsesKeyOfThirtyTwoXY", BODY, (claims) -> {
		}), BODY, Reason.SIGNATURE);
	}

	@Test
	void rejectsExpiredToken() {
		String token = token(CURRENT_KEY, BODY, (claims) -> claims.expirationTime(at(NOW.minusSeconds(6))));
		assertRejected(token, BODY, Reason.EXPIRED_OR_NOT_YET_VALID);
	}

	@Test
	void rejectsTokenNotYetValid() {
		String token = token(CURRENT_KEY, BODY, (claims) -> claims.notBeforeTime(at(NOW.plusSeconds(6))));
		assertRejected(token, BODY, Reason.EXPIRED_OR_NOT_YET_VALID);
	}

	@Test
	void toleratesSmallClockDifferences() {
		String justExpired = token(CURRENT_KEY, BODY, (claims) -> claims.expirationTime(at(NOW.minusSeconds(4))));
		String almostValid = token(CURRENT_KEY, BODY, (claims) -> claims.notBeforeTime(at(NOW.plusSeconds(4))));
		assertThatCode(() -> this.verifier.verify(justExpired, BODY)).doesNotThrowAnyException();
		assertThatCode(() -> this.verifier.verify(almostValid, BODY)).doesNotThrowAnyException();
	}

	@Test
	void acceptsNotBeforeOfZeroAsQstashSendsIt() {
		String token = token(CURRENT_KEY, BODY, (claims) -> claims.notBeforeTime(new Date(0)));
		assertThatCode(() -> this.verifier.verify(token, BODY)).doesNotThrowAnyException();
	}

	@Test
	void aSecondUseOfTheSameTokenIsRefusedAsAReplay() throws Exception {
		String token = token(CURRENT_KEY, BODY, (claims) -> {
		});
		this.verifier.verify(token, BODY);

		assertRejected(token, BODY, Reason.REPLAYED);
		// remembered until exp plus the clock tolerance, when it would be refused anyway
		assertThat(this.used).containsExactly(Map.entry(claim(token, "jti"), NOW.plusSeconds(300 + 5)));
	}

	@Test
	void aRedeliveryOfTheSameMessageWithANewTokenIsAccepted() {
		// QStash signs every attempt anew: same destination and body, another jti
		String first = token(CURRENT_KEY, BODY, (claims) -> {
		});
		String retry = token(CURRENT_KEY, BODY, (claims) -> {
		});

		assertThatCode(() -> this.verifier.verify(first, BODY)).doesNotThrowAnyException();
		assertThatCode(() -> this.verifier.verify(retry, BODY)).doesNotThrowAnyException();
		assertThat(this.used).hasSize(2);
	}

	@Test
	void onlyATokenThatPassedEveryOtherCheckIsRemembered() {
		assertRejected(token("sig_SomebodyElsesKeyOfThirtyTwoXY", BODY, (claims) -> {
		}), BODY, Reason.SIGNATURE);
		assertRejected(token(CURRENT_KEY, BODY, (claims) -> {
		}), "{}".getBytes(StandardCharsets.UTF_8), Reason.BODY);

		assertThat(this.used).isEmpty();
	}

	@Test
	void rejectsTokenWithoutId() {
		assertRejected(token(CURRENT_KEY, BODY, (claims) -> claims.jwtID(null)), BODY, Reason.CLAIMS);
	}

	@Test
	void rejectsWrongIssuer() {
		assertRejected(token(CURRENT_KEY, BODY, (claims) -> claims.issuer("upstash")), BODY, Reason.CLAIMS);
	}

	@Test
	void rejectsMissingExpiry() {
		assertRejected(token(CURRENT_KEY, BODY, (claims) -> claims.expirationTime(null)), BODY, Reason.CLAIMS);
	}

	@Test
	void rejectsSubjectWithTrailingSlash() {
		assertRejected(token(CURRENT_KEY, BODY, (claims) -> claims.subject(URL + "/")), BODY, Reason.CLAIMS);
	}

	@Test
	void rejectsSubjectWithOtherScheme() {
		String token = token(CURRENT_KEY, BODY, (claims) -> claims.subject(URL.replace("https://", "http://")));
		assertRejected(token, BODY, Reason.CLAIMS);
	}

	@Test
	void rejectsSubjectOfAnotherEndpoint() {
		String token = token(CURRENT_KEY, BODY,
				(claims) -> claims.subject("https://api.example.com/api/cron/something-else"));
		assertRejected(token, BODY, Reason.CLAIMS);
	}

	@Test
	void rejectsBodyTamperedByOneByte() {
		String token = token(CURRENT_KEY, BODY, (claims) -> {
		});
		byte[] tampered = BODY.clone();
		tampered[3] ^= 0x01;
		assertRejected(token, tampered, Reason.BODY);
	}

	@Test
	void acceptsEmptyBodyWhenClaimIsHashOfZeroBytes() {
		String token = token(CURRENT_KEY, new byte[0], (claims) -> {
		});
		assertThat(BodyHash.of(new byte[0])).isEqualTo(EMPTY_BODY_HASH);
		assertThat(claim(token, "body")).isEqualTo(EMPTY_BODY_HASH);
		assertThatCode(() -> this.verifier.verify(token, new byte[0])).doesNotThrowAnyException();
	}

	@Test
	void rejectsEmptyBodyWhenClaimIsForAnotherBody() {
		assertRejected(token(CURRENT_KEY, BODY, (claims) -> {
		}), new byte[0], Reason.BODY);
	}

	@Test
	void acceptsPaddedBodyClaim() {
		String padded = BodyHash.of(BODY) + "=";
		String token = token(CURRENT_KEY, BODY, (claims) -> claims.claim("body", padded));
		assertThat(padded).isEqualTo(Base64.getUrlEncoder().encodeToString(sha256(BODY)));
		assertThatCode(() -> this.verifier.verify(token, BODY)).doesNotThrowAnyException();
	}

	@Test
	void rejectsBodyClaimInStandardBase64Alphabet() {
		// the hash of zero bytes contains "-" and "_", which the standard alphabet spells
		// "+" and "/"
		// '/' in standard
		String standard = Base64.getEncoder().withoutPadding().encodeToString(sha256(new byte[0]));
		String token = token(CURRENT_KEY, new byte[0], (claims) -> claims.claim("body", standard));
		assertRejected(token, new byte[0], Reason.BODY);
	}

	@Test
	void rejectsMissingBodyClaim() {
		assertRejected(token(CURRENT_KEY, BODY, (claims) -> claims.claim("body", null)), BODY, Reason.CLAIMS);
	}

	@Test
	void rejectsMissingOrBlankHeader() {
		assertRejected(null, BODY, Reason.MISSING);
		assertRejected("  ", BODY, Reason.MISSING);
	}

	@Test
	void rejectsUnsecuredToken() {
		JWTClaimsSet claims = validClaims(BODY).build();
		String unsecured = new PlainJWT(claims).serialize();
		assertRejected(unsecured, BODY, Reason.MALFORMED);
		// "alg":"none" with a made-up signature part
		assertRejected(unsecured + "c2lnbmF0dXJl", BODY, Reason.MALFORMED);
	}

	@Test
	void rejectsHs512EvenWithTheRightKey() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS512).type(JOSEObjectType.JWT).build(),
				validClaims(BODY).build());
		jwt.sign(new MACSigner((CURRENT_KEY + CURRENT_KEY).getBytes(StandardCharsets.UTF_8)));
		assertRejected(jwt.serialize(), BODY, Reason.ALGORITHM);
	}

	@Test
	void rejectsSomethingThatIsNotAJwt() {
		assertRejected("not-a-jwt", BODY, Reason.MALFORMED);
		assertRejected("a.b.c", BODY, Reason.MALFORMED);
		String header = Base64URL.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").toString();
		assertRejected(header + "." + Base64URL.encode("[1,2]") + ".c2ln", BODY, Reason.SIGNATURE);
	}

	@Test
	void rejectsHugeHeaderBeforeParsingIt() {
		String huge = token(CURRENT_KEY, BODY, (claims) -> claims.claim("padding", "x".repeat(9000)));
		assertRejected(huge, BODY, Reason.TOO_LARGE);
	}

	@Test
	void neverRevealsKeysOrTokenInFailures() {
		String token = token("sig_SomebodyElsesKeyOfThirtyTwoXY", BODY, (claims) -> {
		});
		InvalidSignatureException ex = catchThrowableOfType(InvalidSignatureException.class,
				() -> this.verifier.verify(token, BODY));
		assertThat(ex.getMessage()).isEqualTo("Invalid QStash signature")
			.doesNotContain(CURRENT_KEY)
			.doesNotContain(NEXT_KEY)
			.doesNotContain(token);
		assertThat(ex.getStackTrace()).isEmpty();
		assertThat(new QstashSigningKeys(CURRENT_KEY, NEXT_KEY).toString()).doesNotContain(CURRENT_KEY)
			.doesNotContain(NEXT_KEY);
	}

	@Test
	void onlyAGenuineTokenWithTheWrongSubIssuerOrBodyCanNeverPassOnARetry() {
		// QStash redelivers to the same destination with the same body, with a fresh
		// token
		for (Reason reason : Reason.values()) {
			assertThat(new InvalidSignatureException(reason).neverVerifiesOnRetry()).as(reason.name())
				.isEqualTo(reason == Reason.CLAIMS || reason == Reason.BODY);
		}
	}

	@Test
	void refusesKeysShorterThan256Bits() {
		assertThatThrownBy(() -> new QstashSignatureVerifier(new QstashSigningKeys("tiny-key", NEXT_KEY), URL,
				Clock.systemUTC(), Duration.ZERO, 8192, (tokenId, forgetAfter) -> true))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageNotContaining("tiny-key");
		assertThatThrownBy(() -> new QstashSigningKeys(CURRENT_KEY, " ")).isInstanceOf(IllegalArgumentException.class);
	}

	private void assertRejected(String token, byte[] body, Reason reason) {
		InvalidSignatureException ex = catchThrowableOfType(InvalidSignatureException.class,
				() -> this.verifier.verify(token, body));
		assertThat(ex).as("rejected").isNotNull();
		assertThat(ex.reason()).isEqualTo(reason);
	}

	static String token(String key, byte[] body, Consumer<JWTClaimsSet.Builder> customizer) {
		JWTClaimsSet.Builder claims = validClaims(body);
		customizer.accept(claims);
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
					claims.build());
			jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JWTClaimsSet.Builder validClaims(byte[] body) {
		return new JWTClaimsSet.Builder().issuer("Upstash")
			.subject(URL)
			.issueTime(at(NOW))
			.expirationTime(at(NOW.plusSeconds(300)))
			.notBeforeTime(at(NOW))
			.jwtID("jwt_test" + TOKEN_IDS.incrementAndGet())
			.claim("body", Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body)));
	}

	static String claim(String token, String name) {
		try {
			return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(name);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] sha256(byte[] body) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Date at(Instant instant) {
		return Date.from(instant);
	}

}
