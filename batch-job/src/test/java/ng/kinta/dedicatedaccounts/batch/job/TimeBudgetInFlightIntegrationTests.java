package ng.kinta.dedicatedaccounts.batch.job;

import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time budget that runs out while users are in flight: no further Billstack request is
 * sent, and those users are left for the next run with nothing recorded against them.
 */
@TestPropertySource(properties = { "app.job.time-budget=3s", "app.billstack.read-timeout=10s" })
class TimeBudgetInFlightIntegrationTests extends JobIntegrationTest {

	@Autowired
	private JobRunService runs;

	@Test
	void usersInFlightWhenTheBudgetRunsOutAreLeftForTheNextRun() {
		// given: PALMPAY answers 500 only after the budget is spent; 9PSB would work
		List<ObjectId> users = TestUsers.insertUsers(2);
		InProcessServices.BILLSTACK.stubFor(
				BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.serverError().withFixedDelay(4_000)));
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("9PSB").willReturn(BillstackStubs.created("9PSB")));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.status()).isEqualTo("ok");
		assertThat(summary.data().processedInThisRun()).isEqualTo(2);
		assertThat(summary.data().successCount()).isZero();
		assertThat(summary.data().failedCount()).isZero();
		assertThat(summary.data().remainingUsers()).isEqualTo(2);
		assertThat(summary.message()).contains("2 left for the next run");
		InProcessServices.BILLSTACK.verify(2, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
		InProcessServices.BILLSTACK.verify(0, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH))
			.withRequestBody(WireMock.matchingJsonPath("$.bank", WireMock.equalTo("9PSB"))));
		// no request out, nothing created, no penalty: a fresh attempt in the next run
		assertThat(users)
			.allSatisfy((id) -> assertThat(TestUsers.provisioning(id).getString("state")).isEqualTo("DEFERRED"));
	}

}
