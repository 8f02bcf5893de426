package ng.kinta.dedicatedaccounts.batch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.RequestsAndMail;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lease holder frozen past its lease (a GC pause, a suspended VM: SIGSTOP) while a
 * second host takes the lapsed lease and runs, then woken (SIGCONT). The holder's fence
 * has closed, so it sends nothing more; the answers it was waiting for are still
 * recorded; nobody is asked twice. The holder is a separate JVM with its own job
 * repository, as another host would be; this test's context is the second host.
 */
class FrozenLeaseHolderIntegrationTests extends JobIntegrationTest {

	private static final int USERS = 16;

	private final List<Process> processes = new ArrayList<>();

	@Autowired
	private JobRunService runs;

	@AfterEach
	void killLeftovers() throws Exception {
		for (Process process : this.processes) {
			if (process.isAlive()) {
				ChildRun.signal(process, "CONT");
				process.destroyForcibly();
			}
		}
	}

	@Test
	void aHolderFrozenPastItsLeaseSendsNothingWhenItWakesAndNobodyIsCreatedTwice() throws Exception {
		// given: a run on "host A" with a 3 s lease, frozen after its second request
		TestUsers.insertUsers(USERS);
		InProcessServices.BILLSTACK.stubFor(
				BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY").withFixedDelay(300)));
		Path data = Files.createTempDirectory("frozen-holder");
		Process holder = ChildRun.start("jdbc:h2:file:" + data.resolve("batch"), data.resolve("holder.out"),
				"--app.run.lease-duration=3s");
		this.processes.add(holder);
		ChildRun.awaitBillstackRequests(2);
		ChildRun.signal(holder, "STOP");

		// when: "host B" takes the lapsed lease and runs
		RunSummary second = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.ignoreException(RunInProgressException.class)
			.until(() -> this.runs.startNewRun(RunTrigger.COMMAND_LINE), (summary) -> true);
		int requestsBeforeWaking = ChildRun.billstackRequests();

		// and: host A wakes
		ChildRun.signal(holder, "CONT");
		assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
		RunSummary last = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: host B settled A's requests out as unknown outcomes and asked nobody
		// twice
		assertThat(second.data().unknownOutcomeCount()).isPositive();
		// and: A sent nothing after it woke; its late answers were recorded
		assertThat(ChildRun.billstackRequests()).isEqualTo(requestsBeforeWaking);
		Map<String, Integer> requests = RequestsAndMail.billstackRequestsPerUser();
		assertThat(requests).hasSize(USERS).allSatisfy((user, count) -> assertThat(count).isOne());
		long accounts = InProcessServices.database().getCollection("accounts").countDocuments();
		long waiting = TestUsers.countInState("OUTCOME_UNKNOWN") + TestUsers.countInState("NEEDS_RECONCILIATION");
		assertThat(accounts + waiting).isEqualTo(USERS);
		assertThat(last.status()).isEqualTo("ok");
		assertThat(Files.readString(data.resolve("holder.out.err"))).containsAnyOf("Lost the run lease",
				"not renewed for three quarters");
	}

}
