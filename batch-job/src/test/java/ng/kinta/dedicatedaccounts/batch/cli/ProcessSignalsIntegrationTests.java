package ng.kinta.dedicatedaccounts.batch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.JobExecutionView;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobTestApplication;
import ng.kinta.dedicatedaccounts.batch.support.RequestsAndMail;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a separate process, stopped in the middle of a run: by SIGTERM (a
 * Kubernetes rollout) and by SIGKILL (a crash). This test's own application context
 * shares the process's H2 file and the in-process MongoDB, Billstack and SMTP, like an
 * operator's second command on the same host.
 */
@SpringBootTest(classes = JobTestApplication.class)
@ActiveProfiles("test")
class ProcessSignalsIntegrationTests {

	private static final int USERS = 40;

	private static final Path DATA = temporaryDirectory();

	private static final String BATCH_DB_URL = "jdbc:h2:file:" + DATA.resolve("batch") + ";AUTO_SERVER=TRUE";

	private final List<Process> processes = new ArrayList<>();

	@Autowired
	private JobRunService runs;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		InProcessServices.register(registry);
		registry.add("spring.datasource.url", () -> BATCH_DB_URL);
		// this test's own runs: a request left out by the killed process is parked at
		// once
		registry.add("app.billstack.max-unknown-retries", () -> "0");
	}

	@BeforeEach
	void slowBillstack() {
		InProcessServices.reset();
		InProcessServices.BILLSTACK.stubFor(
				BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY").withFixedDelay(300)));
	}

	@AfterEach
	void killLeftovers() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void sigtermStopsTheRunCleanlyAndARestartFinishesItWithoutDuplicates() throws Exception {
		// given: a run in progress in another process
		List<ObjectId> users = TestUsers.insertUsers(USERS);
		Path stdout = DATA.resolve("sigterm.out");
		Process process = startRun(stdout);
		awaitBillstackRequests(4);

		// when: SIGTERM
		process.destroy();

		// then: the run ends STOPPED, exit code 1, with a summary that says so
		assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(ExitCodes.FAILED);
		String summary = Files.readString(stdout, StandardCharsets.UTF_8);
		assertThat(summary).contains("\"exitStatus\":\"STOPPED\"").contains("was stopped");
		JobExecutionView stopped = this.runs.recentExecutions(1).get(0);
		assertThat(stopped.status()).isEqualTo("STOPPED");

		// and: a restart finishes the run, nobody called or mailed twice
		RunSummary restarted = this.runs.restart(stopped.jobExecutionId());
		assertThat(restarted.status()).isEqualTo("ok");
		assertThat(restarted.data().remainingUsers()).isZero();
		assertThat(RequestsAndMail.billstackRequestsPerUser()).hasSize(users.size())
			.allSatisfy((user, count) -> assertThat(count).isOne());
		assertThat(RequestsAndMail.emailsPerRecipient()).hasSize(users.size())
			.allSatisfy((recipient, count) -> assertThat(count).isOne());
		assertThat(InProcessServices.database().getCollection("accounts").countDocuments()).isEqualTo(USERS);
	}

	@Test
	void afterKillMinus9RecoverProceedsAtOnceOnTheSameHost() throws Exception {
		// given: a run in progress in another process
		TestUsers.insertUsers(USERS);
		Process process = startRun(DATA.resolve("sigkill.out"));
		awaitBillstackRequests(2);

		// when: SIGKILL, then recover at once (the lease names a process that is gone)
		process.destroyForcibly();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		JobExecutionView crashed = this.runs.recentExecutions(1).get(0);
		assertThat(crashed.status()).isEqualTo("STARTED");
		RunSummary recovered = this.runs.recover(crashed.jobExecutionId());

		// then
		assertThat(recovered.exitStatus()).isEqualTo("FAILED");
		RunSummary restarted = this.runs.restart(crashed.jobExecutionId());
		assertThat(restarted.status()).isEqualTo("ok");
		// and: users whose request was out when the process died are never asked again
		// (the stand-in may have created their account): they wait for reconciliation
		Map<String, Integer> requests = RequestsAndMail.billstackRequestsPerUser();
		assertThat(requests).hasSize(USERS).allSatisfy((user, count) -> assertThat(count).isOne());
		long parked = TestUsers.countInState("NEEDS_RECONCILIATION");
		long accounts = InProcessServices.database().getCollection("accounts").countDocuments();
		assertThat(parked).isPositive();
		assertThat(accounts + parked).isEqualTo(USERS);
	}

	private Process startRun(Path stdout) throws IOException {
		Process process = ChildRun.start(BATCH_DB_URL, stdout);
		this.processes.add(process);
		return process;
	}

	private static void awaitBillstackRequests(int count) {
		ChildRun.awaitBillstackRequests(count);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("process-signals");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
