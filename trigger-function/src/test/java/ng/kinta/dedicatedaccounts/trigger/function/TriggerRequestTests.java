package ng.kinta.dedicatedaccounts.trigger.function;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header look-ups of a delivery: names in any case, repeats as one comma-joined value.
 */
class TriggerRequestTests {

	@Test
	void headerNamesMatchInAnyCase() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("uPsTaSh-SiGnAtUrE", "token");

		TriggerRequest request = new TriggerRequest(new byte[0], headers);

		assertThat(request.header("Upstash-Signature")).isEqualTo("token");
		assertThat(request.header("upstash-signature")).isEqualTo("token");
	}

	@Test
	void aRepeatedHeaderIsItsValuesJoinedWithCommas() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Forwarded-For", "10.0.0.1");
		headers.add("x-forwarded-for", "10.0.0.2");

		TriggerRequest request = new TriggerRequest(new byte[0], headers);

		assertThat(request.header("X-Forwarded-For")).isEqualTo("10.0.0.1,10.0.0.2");
	}

	@Test
	void anAbsentHeaderIsNull() {
		assertThat(new TriggerRequest(new byte[0], new HttpHeaders()).header("Upstash-Message-Id")).isNull();
	}

	@Test
	void itsDescriptionHoldsNeitherTheBodyNorHeaderValues() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Upstash-Signature", "eyJsecret.token.value");

		String description = new TriggerRequest("{\"secret\":1}".getBytes(StandardCharsets.UTF_8), headers).toString();

		assertThat(description).doesNotContain("eyJsecret").doesNotContain("secret\"").contains("12 bytes");
	}

}
