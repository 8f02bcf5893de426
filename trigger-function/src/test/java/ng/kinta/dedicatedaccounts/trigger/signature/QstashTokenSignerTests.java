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

import static ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifierTests.CURRENT_KEY;
import static ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifierTests.NEXT_KEY;
import static ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifierTests.NOW;
import static ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifierTests.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class QstashTokenSignerTests {

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void signsLikeQstashSoThatTheVerifierAcceptsTheToken() throws Exception {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String token = new QstashTokenSigner(CURRENT_KEY, this.clock).sign(URL, body);

		SignedJWT jwt = SignedJWT.parse(token);
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(claims.getIssuer()).isEqualTo("Upstash");
		assertThat(claims.getSubject()).isEqualTo(URL);
		assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
		assertThat(claims.getNotBeforeTime().getTime()).isZero();
		assertThat(claims.getJWTID()).startsWith("jwt_");
		assertThat(claims.getStringClaim("body")).isEqualTo(BodyHash.of(body) + "=");

		QstashSignatureVerifier verifier = new QstashSignatureVerifier(new QstashSigningKeys(CURRENT_KEY, NEXT_KEY),
				URL, this.clock, Duration.ofSeconds(5), 8192);
		assertThatCode(() -> verifier.verify(token, body)).doesNotThrowAnyException();
	}

	@Test
	void everyTokenHasItsOwnId() throws Exception {
		QstashTokenSigner signer = new QstashTokenSigner(CURRENT_KEY, this.clock);
		String first = SignedJWT.parse(signer.sign(URL, new byte[0])).getJWTClaimsSet().getJWTID();
		String second = SignedJWT.parse(signer.sign(URL, new byte[0])).getJWTClaimsSet().getJWTID();
		assertThat(first).isNotEqualTo(second);
	}

}
