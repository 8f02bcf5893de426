package ng.kinta.dedicatedaccounts.batch.billstack;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Billstack answers for WireMock, in the format of {@code docs/BILLSTACK.md}.
 */
public final class BillstackStubs {

	public static final String PATH = "/v2/thirdparty/generateVirtualAccount/";

	/** Long enough for a cold first request, short enough to keep timeout tests fast. */
	public static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	public static final String SECRET_KEY = "Bill_Stack-SEC-KEY-TESTSECRET0123456789abcdef0123";

	private BillstackStubs() {
	}

	public static MappingBuilder generateAt(String bank) {
		return post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.bank", WireMock.equalTo(bank)));
	}

	/**
	 * A success echoing the request's reference, with an account number derived from it.
	 */
	public static ResponseDefinitionBuilder created(String bank) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"status":true,"message":"Account created","data":{"reference":"{{jsonPath request.body '$.reference'}}",
							"account":[{"account_number":"9{{randomValue length=9 type='NUMERIC'}}",
							"account_name":"Kinta-{{jsonPath request.body '$.firstName'}} {{jsonPath request.body '$.lastName'}}",
							"bank_name":"%s Bank","bank_id":"%s","created_at":"2026-11-29 10:00:00"}],
							"meta":{"firstName":"x","lastName":"y","email":"z"}}}"""
						.formatted(bank, bank))
			.withTransformers("response-template");
	}

	public static ResponseDefinitionBuilder statusFalse(String message) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":false,\"message\":\"" + message + "\"}");
	}

	public static ResponseDefinitionBuilder serverError() {
		return aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":false,\"message\":\"Internal error\"}");
	}

	/**
	 * Sends one templated, JSON-matched request through WireMock so that its first-use
	 * costs (seconds on a cold JVM) do not count against the short read timeouts of the
	 * tests.
	 * @param wireMock the server
	 */
	public static void warmUp(WireMockRuntimeInfo wireMock) {
		wireMock.getWireMock()
			.register(
					post(urlPathEqualTo("/warm-up")).withRequestBody(matchingJsonPath("$.bank", WireMock.equalTo("X")))
						.willReturn(created("X")));
		RestClient.create(wireMock.getHttpBaseUrl())
			.post()
			.uri("/warm-up")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"bank\":\"X\",\"reference\":\"r\",\"firstName\":\"a\",\"lastName\":\"b\"}")
			.retrieve()
			.toBodilessEntity();
		wireMock.getWireMock().resetMappings();
		wireMock.getWireMock().resetRequests();
	}

	public static ResponseDefinitionBuilder slowerThan(Duration readTimeout) {
		return created("SLOW").withFixedDelay((int) readTimeout.multipliedBy(4).toMillis());
	}

	/**
	 * Client settings with short timeouts and backoffs, pointing at the WireMock server.
	 */
	public static BillstackProperties properties(WireMockRuntimeInfo wireMock, List<String> banks) {
		return new BillstackProperties(wireMock.getHttpBaseUrl(), SECRET_KEY, banks, Duration.ofMillis(500),
				READ_TIMEOUT, 3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), 20, Duration.ofSeconds(2), 1,
				Duration.ofHours(1));
	}

}
