package ng.kinta.dedicatedaccounts.batch.billstack;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@WireMockTest
class VirtualAccountCreatorTests {

	private static final List<String> BANKS = List.of("PALMPAY", "9PSB", "BANKLY", "PROVIDUS", "SAFEHAVEN");

	private static final GenerateVirtualAccountRequest CUSTOMER = new GenerateVirtualAccountRequest("ada@example.test",
			"60773b5beeb21019cb6384e6", "Ada", "Obi", "08031234567", null);

	private final RequestGate gate = new RequestGate();

	private VirtualAccountCreator creator;

	@BeforeEach
	void createCreator(WireMockRuntimeInfo wireMock) {
		BillstackStubs.warmUp(wireMock);
		BillstackProperties properties = BillstackStubs.properties(wireMock, BANKS);
		BillstackClientConfiguration configuration = new BillstackClientConfiguration();
		BillstackClient client = new BillstackClient(
				configuration.billstackRestClient(RestClient.builder(), properties), JsonMapper.builder().build());
		this.creator = new VirtualAccountCreator(client, configuration.billstackRetryTemplate(properties), properties,
				new BillstackPace(8), ProvisioningMetrics.unexported(), this.gate);
	}

	@Test
	void fallsBackPastFailingBanksInOrder() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.serverError()));
		stubFor(BillstackStubs.generateAt("9PSB").willReturn(BillstackStubs.statusFalse("9PSB unavailable")));
		stubFor(BillstackStubs.generateAt("BANKLY").willReturn(aResponse().withStatus(503)));
		stubFor(BillstackStubs.generateAt("PROVIDUS").willReturn(BillstackStubs.created("PROVIDUS")));

		VirtualAccount account = this.creator.create(CUSTOMER);

		assertThat(account.bankCode()).isEqualTo("PROVIDUS");
		assertThat(account.accountRef()).isEqualTo("60773b5beeb21019cb6384e6");
		// failures that created nothing are retried at the same bank, rejections are not
		verify(3, bankRequest("PALMPAY"));
		verify(1, bankRequest("9PSB"));
		verify(3, bankRequest("BANKLY"));
		verify(1, bankRequest("PROVIDUS"));
		verify(0, bankRequest("SAFEHAVEN"));
	}

	@Test
	void aBankSlowerThanTheReadTimeoutIsNeverFollowedByAnotherBank() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(BillstackStubs.slowerThan(BillstackStubs.READ_TIMEOUT)));
		stubFor(BillstackStubs.generateAt("9PSB").willReturn(BillstackStubs.created("9PSB")));

		assertThatExceptionOfType(OutcomeUnknownException.class).isThrownBy(() -> this.creator.create(CUSTOMER))
			.satisfies((ex) -> assertThat(ex.bank()).isEqualTo("PALMPAY"));
		// one request, not retried: a repeat would meet "multiple requests for same
		// email"
		verify(1, bankRequest("PALMPAY"));
		verify(0, bankRequest("9PSB"));
	}

	@Test
	void eachRequestWritesItsMarkerFirstAndNoneIsSentWithoutIt() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.serverError()));
		List<String> marked = new java.util.concurrent.CopyOnWriteArrayList<>();

		assertThatExceptionOfType(RequestNotAllowedException.class).isThrownBy(() -> this.creator.create(CUSTOMER,
				BANKS, (bank) -> marked.add(bank) && marked.size() < 3, () -> false));
		// two markers, two requests; the third marker was refused and nothing was sent
		assertThat(marked).containsExactly("PALMPAY", "PALMPAY", "PALMPAY");
		verify(2, bankRequest("PALMPAY"));
	}

	@Test
	void aClosedGateSendsNothing() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));
		this.gate.closeAndAwaitIdle(java.time.Duration.ZERO);

		assertThatExceptionOfType(RequestNotAllowedException.class).isThrownBy(() -> this.creator.create(CUSTOMER));
		verify(0, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
	}

	@Test
	void everyRetryReusesTheSameReference() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.serverError()));
		stubFor(BillstackStubs.generateAt("9PSB").willReturn(BillstackStubs.created("9PSB")));

		this.creator.create(CUSTOMER);

		verify(4, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH))
			.withRequestBody(matchingJsonPath("$.reference", equalTo("60773b5beeb21019cb6384e6"))));
	}

	@Test
	void stopsSendingOnceTimeIsUp() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.serverError()));
		java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

		assertThatExceptionOfType(AttemptDeferredException.class)
			.isThrownBy(() -> this.creator.create(CUSTOMER, BANKS, (bank) -> true, () -> asked.incrementAndGet() > 1));
		verify(1, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
	}

	@Test
	void throttlingIsRetriedAtTheSameBankBeyondTheTransientAttempts() {
		// four 429s, more than the three attempts of other transient failures
		String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
		for (int i = 1; i <= 4; i++) {
			stubFor(BillstackStubs.generateAt("PALMPAY")
				.inScenario("storm")
				.whenScenarioStateIs(state)
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
					.withStatus(429)
					.withHeader("Retry-After", "0"))
				.willSetStateTo("after-" + i));
			state = "after-" + i;
		}
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.inScenario("storm")
			.whenScenarioStateIs(state)
			.willReturn(BillstackStubs.created("PALMPAY")));

		VirtualAccount account = this.creator.create(CUSTOMER);

		assertThat(account.bankCode()).isEqualTo("PALMPAY");
		verify(5, bankRequest("PALMPAY"));
		verify(0, bankRequest("9PSB"));
	}

	@Test
	void endlessThrottlingLeavesTheUserForTheNextRunAtTheSameBank() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)));

		assertThatExceptionOfType(AttemptDeferredException.class).isThrownBy(() -> this.creator.create(CUSTOMER))
			.withMessageContaining("throttling");
		// BillstackStubs.properties: 20 throttled attempts
		verify(20, bankRequest("PALMPAY"));
		verify(0, bankRequest("9PSB"));
	}

	@Test
	void failsWhenEveryBankFails() {
		stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.serverError()));
		for (String bank : BANKS.subList(1, BANKS.size())) {
			stubFor(BillstackStubs.generateAt(bank).willReturn(BillstackStubs.statusFalse(bank + " said no")));
		}

		assertThatExceptionOfType(AccountNotCreatedException.class).isThrownBy(() -> this.creator.create(CUSTOMER))
			.withMessageContaining("HTTP 500")
			.withMessageContaining("SAFEHAVEN said no")
			.withMessageNotContaining("ada@example.test");
	}

	@Test
	void refusedCredentialsAreNotMistakenForABankFailure() {
		stubFor(BillstackStubs.generateAt("PALMPAY")
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)));

		assertThatExceptionOfType(BillstackAuthenticationException.class)
			.isThrownBy(() -> this.creator.create(CUSTOMER));
		verify(0, bankRequest("9PSB"));
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder bankRequest(String bank) {
		return postRequestedFor(urlPathEqualTo(BillstackStubs.PATH))
			.withRequestBody(matchingJsonPath("$.bank", equalTo(bank)));
	}

}
