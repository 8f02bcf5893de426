package ng.kinta.dedicatedaccounts.trigger.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class QstashTokenSignerTests {

	final Clock clock = Clock.fixed(QstashSignatureVerifierTests.NOW, ZoneOffset.UTC);

	@Test
	void signsLikeQstashSoThatTheVerifierAcceptsTheToken() throws Exception {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String token = new QstashTokenSigner(QstashSignatureVerifierTests.CURRENT_KEY, this.clock)
			.sign(QstashSignatureVerifierTests.URL, body);

		SignedJWT jwt = SignedJWT.parse(token);
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(claims.getIssuer()).isEqualTo("Upstash");
		assertThat(claims.getSubject()).isEqualTo(QstashSignatureVerifierTests.URL);
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(QstashSignatureVerifierTests.NOW);
		assertThat(claims.getExpirationTime().toInstant())
			.isEqualTo(QstashSignatureVerifierTests.NOW.plus(Duration.ofMinutes(5)));
		assertThat(claims.getNotBeforeTime().getTime()).isZero();
		assertThat(claims.getJWTID()).startsWith("jwt_");
		assertThat(claims.getStringClaim("body")).isEqualTo(BodyHash.of(body) + "=");

		QstashSignatureVerifier verifier = new QstashSignatureVerifier(
				new QstashSigningKeys(QstashSignatureVerifierTests.CURRENT_KEY, QstashSignatureVerifierTests.NEXT_KEY),
				QstashSignatureVerifierTests.URL, this.clock, Duration.ofSeconds(5), 8192,
				(tokenId, forgetAfter) -> true);
		assertThatCode(() -> verifier.verify(token, body)).doesNotThrowAnyException();
	}

	@Test
	void everyTokenHasItsOwnId() throws Exception {
		QstashTokenSigner signer = new QstashTokenSigner(QstashSignatureVerifierTests.CURRENT_KEY, this.clock);
		String first = SignedJWT.parse(signer.sign(QstashSignatureVerifierTests.URL, new byte[0]))
			.getJWTClaimsSet()
			.getJWTID();
		String second = SignedJWT.parse(signer.sign(QstashSignatureVerifierTests.URL, new byte[0]))
			.getJWTClaimsSet()
			.getJWTID();
		assertThat(first).isNotEqualTo(second);
	}

}
