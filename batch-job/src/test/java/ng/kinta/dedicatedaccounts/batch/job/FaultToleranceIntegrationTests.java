package ng.kinta.dedicatedaccounts.batch.job;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import ng.kinta.dedicatedaccounts.batch.account.DedicatedAccountRepository;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccountCreator;
import ng.kinta.dedicatedaccounts.batch.notification.AccountEmailSender;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.RequestsAndMail;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;

/**
 * Failures in the middle of a run: the database going away while writing, the mail relay
 * refusing, a second launch while a run is in progress, a process that crashed mid-run.
 */
class FaultToleranceIntegrationTests extends JobIntegrationTest {

	@Autowired
	private JobRunService runs;

	@Autowired
	private JobRepository jobRepository;

	@MockitoSpyBean
	private DedicatedAccountRepository accountRepository;

	@MockitoSpyBean
	private AccountEmailSender mailSender;

	@MockitoSpyBean
	private VirtualAccountCreator accountCreator;

	@Autowired
	private SmartLifecycle runStopper;

	@BeforeEach
	void billstackWorksAtTheFirstBank() {
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));
	}

	@Test
	void restartAfterAFailedWriteFinishesWithoutCallingBillstackOrMailingTwice() throws MessagingException {
		// given: the first chunk's account write reaches MongoDB but its answer is lost
		// (MongoDB went away), once
		TestUsers.insertUsers(12);
		AtomicInteger writes = new AtomicInteger();
		willAnswer((invocation) -> {
			Object inserted = invocation.callRealMethod();
			if (writes.incrementAndGet() == 1) {
				throw new DataAccessResourceFailureException("MongoDB went away");
			}
			return inserted;
		}).given(this.accountRepository).upsertAll(any());

		// when
		RunSummary failed = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		RunSummary restarted = this.runs.restart(failed.jobExecutionId());

		// then
		assertThat(failed.status()).isEqualTo("error");
		assertThat(failed.exitStatus()).isEqualTo("FAILED");
		assertThat(restarted.status()).isEqualTo("ok");
		assertThat(restarted.jobExecutionId()).isNotEqualTo(failed.jobExecutionId());
		assertThat(restarted.data().remainingUsers()).isZero();
		InProcessServices.BILLSTACK.verify(12, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
		assertThat(InProcessServices.database().getCollection("accounts").countDocuments()).isEqualTo(12);
		assertThat(recipients()).hasSize(12);
		assertThat(InProcessServices.SMTP.getReceivedMessages()).hasSize(12);
	}

	@Test
	void mailFailureLeavesTheEmailPendingForTheNextRunAndKeepsTheAccount() throws MessagingException {
		// given
		TestUsers.insertUsers(3);
		willThrow(new MailSendException("relay down")).given(this.mailSender).send(any(MimeMessage[].class));

		// when
		RunSummary relayDown = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		// a request slower than the read timeout on a busy machine is retried: count what
		// the second run adds rather than an exact total
		int billstackRequestsAfterFirstRun = billstackRequests();
		Mockito.reset(this.mailSender);
		RunSummary relayBack = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(relayDown.status()).isEqualTo("ok");
		assertThat(relayDown.data().successCount()).isEqualTo(3);
		assertThat(relayDown.data().emailsSent()).isZero();
		assertThat(relayDown.data().emailsPending()).isEqualTo(3);
		assertThat(relayBack.data().processedInThisRun()).isZero();
		assertThat(relayBack.data().emailsSent()).isEqualTo(3);
		assertThat(relayBack.data().emailsPending()).isZero();
		assertThat(recipients()).hasSize(3);
		assertThat(billstackRequestsAfterFirstRun).isGreaterThanOrEqualTo(3);
		assertThat(billstackRequests()).isEqualTo(billstackRequestsAfterFirstRun);
		assertThat(InProcessServices.database().getCollection("accounts").countDocuments()).isEqualTo(3);
	}

	private static int billstackRequests() {
		return InProcessServices.BILLSTACK.findAll(postRequestedFor(urlPathEqualTo(BillstackStubs.PATH))).size();
	}

	@Test
	void refusesASecondLaunchWhileARunIsInProgress() throws Exception {
		// given: a run holds Billstack until released
		TestUsers.insertUsers(1);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		holdBillstackCalls(inside, release);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<RunSummary> first = executor.submit(() -> this.runs.startNewRun(RunTrigger.COMMAND_LINE));
			assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

			// when / then
			assertThatExceptionOfType(RunInProgressException.class)
				.isThrownBy(() -> this.runs.startNewRun(RunTrigger.COMMAND_LINE))
				.satisfies((ex) -> assertThat(ex.getRunningExecutionId()).isNotNull())
				// when the lease lapses unless renewed: the trigger's Retry-After
				.satisfies((ex) -> assertThat(ex.getUntilLeaseLapses()).isPositive())
				.withMessageContaining("in progress");
			// the running execution's process is alive: recover refuses to mark it failed
			long running = this.runs.recentExecutions(1).get(0).jobExecutionId();
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.runs.recover(running))
				.withMessageContaining("may still be running");
			release.countDown();
			RunSummary summary = first.get(30, TimeUnit.SECONDS);
			assertThat(summary.status()).isEqualTo("ok");
			assertThat(summary.data().successCount()).isEqualTo(1);
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
		Mockito.reset(this.accountCreator);
	}

	@Test
	void anExecutionLeftStartedByACrashIsRecoveredByTheNextRun() {
		// given: a job execution whose process died (nobody holds the run lease)
		JobParameters parameters = new JobParametersBuilder().addString("run.claim-token", "crashed-run")
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("createDedicatedAccountsJob", parameters);
		JobExecution crashed = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		crashed.setStatus(BatchStatus.STARTED);
		crashed.setStartTime(LocalDateTime.now());
		this.jobRepository.update(crashed);
		TestUsers.insertUsers(2);

		// when
		RunSummary next = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(next.status()).isEqualTo("ok");
		assertThat(next.data().successCount()).isEqualTo(2);
		JobExecution recovered = this.jobRepository.getJobExecution(crashed.getId());
		assertThat(recovered.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(recovered.getExitStatus().getExitCode()).isEqualTo("FAILED");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.runs.recover(crashed.getId()))
			.withMessageContaining("nothing to recover");
	}

	@Test
	void aShutdownDuringARunStopsItCleanlyAndARestartFinishesItWithoutDuplicates() throws Exception {
		// given: a run whose Billstack calls wait until released
		TestUsers.insertUsers(20);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		holdBillstackCalls(inside, release);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		RunSummary stopped;
		try {
			Future<RunSummary> run = executor.submit(() -> this.runs.startNewRun(RunTrigger.COMMAND_LINE));
			assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

			// when: the application shuts down (its lifecycle stops)
			this.runStopper.stop();
			release.countDown();
			stopped = run.get(60, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
		Mockito.reset(this.accountCreator);

		// then: STOPPED, with fewer than all users done
		assertThat(stopped.exitStatus()).isEqualTo("STOPPED");
		assertThat(stopped.message()).contains("was stopped");
		assertThat(stopped.data().successCount()).isLessThan(20);
		// and: while shutting down, a run that starts takes nobody
		RunSummary duringShutdown = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		assertThat(duringShutdown.exitStatus()).isEqualTo("STOPPED");
		assertThat(duringShutdown.data().successCount()).isZero();
		// and: once the application is started again, a restart finishes them
		this.runStopper.start();
		RunSummary restarted = this.runs.restart(stopped.jobExecutionId());
		assertThat(restarted.status()).isEqualTo("ok");
		assertThat(restarted.data().remainingUsers()).isZero();
		assertThat(RequestsAndMail.billstackRequestsPerUser()).hasSize(20)
			.allSatisfy((user, count) -> assertThat(count).isOne());
		assertThat(RequestsAndMail.emailsPerRecipient()).hasSize(20)
			.allSatisfy((recipient, count) -> assertThat(count).isOne());
	}

	@Test
	void aFailedExecutionWithAnUnknownExitCodeAndAStepLeftRunningCanBeRestarted() {
		// given: what a manual fix in SQL leaves: job FAILED, exit code UNKNOWN, a step
		// still STARTED
		TestUsers.insertUsers(2);
		JobParameters parameters = new JobParametersBuilder().addString("run.claim-token", "fixed-by-hand")
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance("createDedicatedAccountsJob", parameters);
		JobExecution fixed = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		fixed.setStartTime(LocalDateTime.now());
		StepExecution step = this.jobRepository.createStepExecution(StepNames.SELECT_USERS, fixed);
		step.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(step);
		fixed.setStatus(BatchStatus.FAILED);
		fixed.setExitStatus(ExitStatus.UNKNOWN);
		this.jobRepository.update(fixed);

		// when
		RunSummary restarted = this.runs.restartLatestFailed();

		// then
		assertThat(restarted.status()).isEqualTo("ok");
		assertThat(restarted.data().successCount()).isEqualTo(2);
		assertThat(this.jobRepository.getJobExecution(restarted.jobExecutionId()).getJobInstance().getInstanceId())
			.isEqualTo(instance.getInstanceId());
	}

	/**
	 * Makes every account creation signal {@code inside}, then wait for {@code release}
	 * (at most 30 s) before calling Billstack.
	 */
	private void holdBillstackCalls(CountDownLatch inside, CountDownLatch release) {
		willAnswer((invocation) -> {
			inside.countDown();
			release.await(30, TimeUnit.SECONDS);
			return invocation.callRealMethod();
		}).given(this.accountCreator).create(any(), any(), any(), any());
	}

	private static Set<String> recipients() throws MessagingException {
		Set<String> recipients = new java.util.HashSet<>();
		for (MimeMessage message : InProcessServices.SMTP.getReceivedMessages()) {
			Address[] to = message.getAllRecipients();
			recipients.addAll(Arrays.stream(to).map(Address::toString).collect(Collectors.toSet()));
		}
		return recipients;
	}

}
