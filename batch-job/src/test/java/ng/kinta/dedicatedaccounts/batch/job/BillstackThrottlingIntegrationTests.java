package ng.kinta.dedicatedaccounts.batch.job;

import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storm of 429 answers with {@code Retry-After}: the run slows down and waits, and
 * every user still gets an account at the first bank.
 */
@TestPropertySource(properties = "app.billstack.max-retry-after=50ms")
class BillstackThrottlingIntegrationTests extends JobIntegrationTest {

	private static final int THROTTLED_PER_USER = 4;

	@Autowired
	private JobRunService runs;

	@Test
	void aStormOf429sEndsWithEveryUserServedAtTheFirstBank() {
		// given: Billstack answers each user's first four requests (more than the three
		// attempts of other transient failures) with 429 and Retry-After; the other banks
		// would accept at once, so a move to the next bank would show
		List<ObjectId> users = TestUsers.insertUsers(20);
		for (ObjectId user : users) {
			String state = Scenario.STARTED;
			for (int i = 1; i <= THROTTLED_PER_USER; i++) {
				InProcessServices.BILLSTACK.stubFor(forUser(user).inScenario(user.toHexString())
					.whenScenarioStateIs(state)
					.willReturn(WireMock.aResponse()
						.withStatus(429)
						.withHeader("Retry-After", "1")
						.withBody("{\"status\":false,\"message\":\"Too many requests\"}"))
					.willSetStateTo("429-" + i));
				state = "429-" + i;
			}
			InProcessServices.BILLSTACK.stubFor(forUser(user).inScenario(user.toHexString())
				.whenScenarioStateIs(state)
				.willReturn(BillstackStubs.created("PALMPAY")));
		}
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("9PSB").willReturn(BillstackStubs.created("9PSB")));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.status()).isEqualTo("ok");
		assertThat(summary.data().processedInThisRun()).isEqualTo(20);
		assertThat(summary.exitStatus()).isEqualTo("COMPLETED");
		assertThat(summary.data().successCount()).isEqualTo(20);
		assertThat(summary.data().failedCount()).isZero();
		assertThat(this.runs.chainOf(summary.jobExecutionId()).circuitOpened()).isEqualTo("Billstack throttling");
		assertThat(InProcessServices.database().getCollection("accounts").find())
			.extracting((account) -> account.get("accountDetails", Document.class).getString("bankCode"))
			.hasSize(20)
			.containsOnly("PALMPAY");
		InProcessServices.BILLSTACK.verify(0, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH))
			.withRequestBody(matchingJsonPath("$.bank", WireMock.equalTo("9PSB"))));
		// one account per user: nobody was created twice
		assertThat(InProcessServices.BILLSTACK.getAllServeEvents())
			.filteredOn((event) -> event.getResponse().getStatus() == 200)
			.extracting(ServeEvent::getRequest)
			.hasSize(20);
		assertThat(InProcessServices.BILLSTACK.getAllServeEvents())
			.filteredOn((event) -> event.getResponse().getStatus() == 429)
			.hasSize(20 * THROTTLED_PER_USER);
	}

	private static MappingBuilder forUser(ObjectId user) {
		return BillstackStubs.generateAt("PALMPAY")
			.withRequestBody(matchingJsonPath("$.reference", WireMock.equalTo(user.toHexString())));
	}

}
