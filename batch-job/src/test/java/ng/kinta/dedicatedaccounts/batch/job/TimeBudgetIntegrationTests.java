package ng.kinta.dedicatedaccounts.batch.job;

import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A run whose time budget is spent takes no new users and ends cleanly. */
@TestPropertySource(properties = "app.job.time-budget=0s")
class TimeBudgetIntegrationTests extends JobIntegrationTest {

	@Autowired
	private JobRunService runs;

	@Test
	void spentBudgetLeavesEveryUserForTheNextRun() {
		TestUsers.insertUsers(4);

		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		assertThat(summary.status()).isEqualTo("ok");
		assertThat(summary.exitStatus()).isEqualTo("COMPLETED");
		assertThat(summary.data().totalUsersWithoutAccounts()).isEqualTo(4);
		assertThat(summary.data().processedInThisRun()).isZero();
		assertThat(summary.data().remainingUsers()).isEqualTo(4);
		InProcessServices.BILLSTACK.verify(0,
				postRequestedFor(urlPathEqualTo("/v2/thirdparty/generateVirtualAccount/")));
	}

}
