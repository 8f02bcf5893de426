package ng.kinta.dedicatedaccounts.batch.billstack;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@WireMockTest
class BillstackClientTests {

	private static final GenerateVirtualAccountRequest REQUEST = new GenerateVirtualAccountRequest("ada@example.test",
			"60773b5beeb21019cb6384e6", "Ada", "Obi", "08031234567", "PALMPAY");

	private BillstackClient client;

	@BeforeEach
	void createClient(WireMockRuntimeInfo wireMock) {
		BillstackStubs.warmUp(wireMock);
		BillstackProperties properties = BillstackStubs.properties(wireMock, List.of("PALMPAY"));
		RestClient restClient = new BillstackClientConfiguration().billstackRestClient(RestClient.builder(),
				properties);
		this.client = new BillstackClient(restClient, JsonMapper.builder().build());
	}

	@Test
	void sendsTheDocumentedRequestAndReadsTheAccount() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"status":true,"message":"ok","data":{"reference":"60773b5beeb21019cb6384e6",
					"account":[{"account_number":"6123456789","account_name":"Kinta-Ada Obi","bank_name":"PalmPay",
					"bank_id":"PALMPAY","created_at":"2026-11-29"}],"meta":{},"unknownField":1}}""")));

		VirtualAccount account = this.client.generateVirtualAccount(REQUEST);

		assertThat(account).isEqualTo(
				new VirtualAccount("Kinta-Ada Obi", "6123456789", "60773b5beeb21019cb6384e6", "PALMPAY", "PalmPay"));
		verify(postRequestedFor(urlEqualTo("/v2/thirdparty/generateVirtualAccount/"))
			.withHeader("Authorization", equalTo("Bearer " + BillstackStubs.SECRET_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"email":"ada@example.test","reference":"60773b5beeb21019cb6384e6","firstName":"Ada",
					"lastName":"Obi","phone":"08031234567","bank":"PALMPAY"}""")));
	}

	@Test
	void theWarmUpGoesThroughTheWholeClientWithoutAskingBillstack() throws Exception {
		// when
		VirtualAccount account = this.client.warmUp();

		// then: the canned answer read as a real one, and not a request at Billstack
		assertThat(account.accountNumber()).isEqualTo("0000000000");
		assertThat(account.bankName()).isEqualTo("PalmPay");
		verify(0, postRequestedFor(urlEqualTo(BillstackClient.GENERATE_PATH)));
	}

	@Test
	void statusFalseRejectsTheBankWithBillstacksMessage() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.statusFalse("Bank unavailable")));

		assertThatExceptionOfType(BankRejectedException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("Bank unavailable")
			.withMessageContaining("PALMPAY");
	}

	@Test
	void personalDataEchoedByBillstackIsMasked() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(BillstackStubs
				.statusFalse("Customer ada@example.test with phone +234 803 123 4567 already exists (ref 42)")));

		assertThatExceptionOfType(BankRejectedException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("Customer *** with phone *** already exists (ref 42)")
			.withMessageNotContaining("ada@example.test")
			.withMessageNotContaining("123 4567");
	}

	@Test
	void maskingKeepsCodesAndShortNumbers() {
		assertThat(BillstackClient.printable("Error 500 1001 at bank 035")).isEqualTo("Error 500 1001 at bank 035");
		assertThat(BillstackClient.printable("call (0803) 123 4567 now")).isEqualTo("call *** now");
		assertThat(BillstackClient.printable("phone 0803.123.4567")).isEqualTo("phone ***");
		assertThat(BillstackClient.printable("user ada%40example.test")).isEqualTo("user ***");
		assertThat(BillstackClient.printable("x".repeat(50_000))).hasSize(201);
	}

	@Test
	void clientErrorRejectsTheBank() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"status\":false,\"message\":\"phone is invalid\"}")));

		assertThatExceptionOfType(BankRejectedException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("HTTP 400")
			.withMessageContaining("phone is invalid");
	}

	@Test
	void htmlAnswerRejectsTheBank() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "text/html")
				.withBody("<html>Not Found</html>")));

		assertThatExceptionOfType(BankRejectedException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("not JSON");
	}

	@Test
	void successWithoutAccountRejectsTheBank() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"status\":true,\"message\":\"ok\",\"data\":{\"account\":[]}}")));

		assertThatExceptionOfType(BankRejectedException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("no account");
	}

	@Test
	void serverErrorIsTransient() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.serverError()));

		assertThatExceptionOfType(TransientBillstackException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("HTTP 500");
	}

	@Test
	void rateLimitIsThrottlingWithoutAWaitWhenNoRetryAfterIsSent() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(aResponse().withStatus(429)));

		assertThatExceptionOfType(BillstackThrottledException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("HTTP 429")
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isNull());
	}

	@Test
	void rateLimitCarriesTheRetryAfterSeconds() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

		assertThatExceptionOfType(BillstackThrottledException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7)));
	}

	@Test
	void retryAfterMayBeAnHttpDate() {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setDate(org.springframework.http.HttpHeaders.RETRY_AFTER, System.currentTimeMillis() + 60_000);

		assertThat(BillstackClient.retryAfter(headers)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
	}

	@Test
	void tooManyRequestsMessageIsThrottlingWhateverTheStatus() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.statusFalse("Too Many Requests")));

		assertThatExceptionOfType(BillstackThrottledException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST));
	}

	@Test
	void concurrentRequestRefusalIsAnUnknownOutcome() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(BillstackStubs.statusFalse("Cannot process multiple requests at a time for same email")));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.satisfies((ex) -> assertThat(ex.bank()).isEqualTo("PALMPAY"));
	}

	@Test
	void readTimeoutIsAnUnknownOutcome() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(BillstackStubs.slowerThan(BillstackStubs.READ_TIMEOUT)));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("outcome unknown");
	}

	@Test
	void connectionResetMidAnswerIsAnUnknownOutcome() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST));
	}

	@Test
	void gatewayTimeoutIsAnUnknownOutcome() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(aResponse().withStatus(504)));

		assertThatExceptionOfType(OutcomeUnknownException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("HTTP 504");
	}

	@Test
	void proxyErrorPageIsDefinitelyNotCreated() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

		assertThatExceptionOfType(TransientBillstackException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("not JSON");
	}

	@Test
	void refusedCredentialsStopTheRunAndNeverEchoTheKey() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"status\":false,\"message\":\"Invalid token\"}")));

		assertThatExceptionOfType(BillstackAuthenticationException.class)
			.isThrownBy(() -> this.client.generateVirtualAccount(REQUEST))
			.withMessageContaining("Invalid token")
			.withMessageNotContaining(BillstackStubs.SECRET_KEY);
	}

	@Test
	void refusedConnectionIsDefinitelyNotCreated() {
		BillstackProperties properties = new BillstackProperties("http://127.0.0.1:1", "key", List.of("PALMPAY"),
				Duration.ofMillis(200), Duration.ofMillis(200), 1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 1,
				Duration.ofMillis(1), 1, Duration.ofHours(1));
		BillstackClient unreachable = new BillstackClient(
				new BillstackClientConfiguration().billstackRestClient(RestClient.builder(), properties),
				JsonMapper.builder().build());

		assertThatExceptionOfType(TransientBillstackException.class)
			.isThrownBy(() -> unreachable.generateVirtualAccount(REQUEST));
	}

	@Test
	void requestsNeverPrintPersonalData() {
		assertThat(REQUEST.toString()).doesNotContain("ada@example.test").doesNotContain("08031234567");
	}

}
