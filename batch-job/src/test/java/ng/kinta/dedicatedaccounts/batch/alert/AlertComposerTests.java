package ng.kinta.dedicatedaccounts.batch.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import ng.kinta.dedicatedaccounts.batch.job.SkippedUser;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class AlertComposerTests {

	private List<Long> earlierRemaining = List.of();

	private final AlertComposer composer = new AlertComposer(
			new AlertProperties("", "", 10, 3, 2, Duration.ofSeconds(1), 4, Duration.ofSeconds(1)),
			(jobExecutionId, count) -> this.earlierRemaining);

	@Test
	void aBacklogThatGrewInEightRunsInARowAlertsOncePerStreak() {
		// the eight runs before, newest first: each had more users waiting than the one
		// before it
		this.earlierRemaining = List.of(170L, 160L, 150L, 140L, 130L, 120L, 110L, 100L);
		JobExecution growing = execution(BatchStatus.COMPLETED, 0);
		growing.getExecutionContext().putLong(RunContextKeys.REMAINING, 180);
		provisionStep(growing, 50, 50, List.of());

		assertThat(this.composer.compose(growing, (kind) -> true)).hasValueSatisfying((alert) -> {
			assertThat(alert.kinds()).containsExactly(AlertKind.BACKLOG_GROWING);
			assertThat(alert.text()).contains("The backlog grew in 8 runs in a row (100 -> 180 users waiting)");
		});

		// the streak one run longer: alerted a run ago, not again
		this.earlierRemaining = List.of(170L, 160L, 150L, 140L, 130L, 120L, 110L, 100L, 90L);
		assertThat(this.composer.compose(growing, (kind) -> true)).isEmpty();
		// the run before the streak did not grow: the streak starts here
		this.earlierRemaining = List.of(170L, 160L, 150L, 140L, 130L, 120L, 110L, 100L, 100L);
		assertThat(this.composer.compose(growing, (kind) -> true)).isNotEmpty();

		// one run in the eight that did not grow, or fewer runs than eight: no alert
		this.earlierRemaining = List.of(170L, 160L, 150L, 150L, 130L, 120L, 110L, 100L);
		assertThat(this.composer.compose(growing, (kind) -> true)).isEmpty();
		this.earlierRemaining = List.of(170L, 160L, 150L, 140L, 130L, 120L, 110L);
		assertThat(this.composer.compose(growing, (kind) -> true)).isEmpty();
	}

	@Test
	void cleanCompletedRunIsNotWorthAnAlert() {
		JobExecution execution = execution(BatchStatus.COMPLETED, 0);
		provisionStep(execution, 5, 5, List.of());

		assertThat(this.composer.compose(execution, (kind) -> true)).isEmpty();
	}

	@Test
	void pendingEmailsAboveTheThresholdAlert() {
		JobExecution execution = execution(BatchStatus.COMPLETED, 11);
		provisionStep(execution, 5, 5, List.of());

		assertThat(this.composer.compose(execution, (kind) -> true)).hasValueSatisfying((alert) -> {
			assertThat(alert.kinds()).containsExactly(AlertKind.EMAILS_PENDING);
			assertThat(alert.text()).contains("Account emails pending: 11 (threshold 10)");
		});
		assertThat(this.composer.compose(execution(BatchStatus.COMPLETED, 10), (kind) -> true)).isEmpty();
	}

	@Test
	void usersFailingTheThresholdOfRunsInARowAreNamedByIdUpToTheLimit() {
		JobExecution execution = execution(BatchStatus.COMPLETED, 0);
		List<SkippedUser> skipped = new ArrayList<>();
		skipped.add(failed("u1", 3));
		skipped.add(failed("u2", 1));
		skipped.add(failed("u3", 4));
		skipped.add(failed("u4", 5));
		provisionStep(execution, 4, 0, skipped);

		assertThat(this.composer.compose(execution, (kind) -> true)).hasValueSatisfying((alert) -> {
			assertThat(alert.kinds()).containsExactly(AlertKind.USERS_SKIPPED, AlertKind.USER_FAILING_REPEATEDLY);
			assertThat(alert.text()).contains("4 x Every bank refused")
				.contains("failed 3 runs in a row or more: u1 (3), u3 (4) and 1 more");
		});
	}

	@Test
	void accountsMongoDbRefusedToRecordAreCarriedByTheAlertWithWhatAnOperatorNeeds() {
		JobExecution execution = execution(BatchStatus.STOPPED, 0);
		execution.setExitStatus(ExitStatus.STOPPED);
		execution.getExecutionContext()
			.put(RunContextKeys.UNRECORDED_ACCOUNTS, new ArrayList<>(List.of(java.util.Map.of("userId", "u1",
					"accountNumber", "9012345678", "bankCode", "PALMPAY", "accountName", "Kinta-Ada Obi"))));
		execution.getExecutionContext().putLong(RunContextKeys.NEEDS_RECONCILIATION, 2);

		assertThat(this.composer.compose(execution, (kind) -> true)).hasValueSatisfying((alert) -> {
			assertThat(alert.kinds()).contains(AlertKind.ACCOUNT_NOT_RECORDED, AlertKind.NEEDS_RECONCILIATION);
			assertThat(alert.text()).contains("- user u1: account 9012345678 at PALMPAY, name \"Kinta-Ada Obi\"")
				.contains("2 users need reconciliation");
		});
	}

	@Test
	void stoppedRunAlertsAsFailed() {
		JobExecution execution = execution(BatchStatus.STOPPED, 0);
		execution.setExitStatus(ExitStatus.STOPPED);

		assertThat(this.composer.compose(execution, (kind) -> true)).hasValueSatisfying((alert) -> {
			assertThat(alert.kinds()).containsExactly(AlertKind.RUN_FAILED);
			assertThat(alert.subject()).isEqualTo("dedicated-accounts: run 7 ended STOPPED (exit STOPPED)");
		});
	}

	@Test
	void kindsAlreadyAlertedForTheExecutionAreLeftOut() {
		JobExecution execution = execution(BatchStatus.FAILED, 11);

		assertThat(this.composer.compose(execution, (kind) -> kind != AlertKind.RUN_FAILED))
			.hasValueSatisfying((alert) -> assertThat(alert.kinds()).containsExactly(AlertKind.EMAILS_PENDING));
		assertThat(this.composer.compose(execution, (kind) -> false)).isEmpty();
	}

	private static SkippedUser failed(String userId, int attempts) {
		return new SkippedUser(userId, "FAILED", "Every bank refused", Instant.EPOCH, attempts);
	}

	private static JobExecution execution(BatchStatus status, long emailsPending) {
		ExecutionContext context = new ExecutionContext();
		context.putLong(RunContextKeys.EMAILS_PENDING, emailsPending);
		JobExecution execution = new JobExecution(7L, new JobInstance(1L, "createDedicatedAccountsJob"),
				new JobParameters());
		execution.setExecutionContext(context);
		execution.setStatus(status);
		execution.setExitStatus(new ExitStatus(status.name()));
		return execution;
	}

	private static void provisionStep(JobExecution execution, long read, long written, List<SkippedUser> skipped) {
		StepExecution step = new StepExecution(9L, "provisionAccountsStep", execution);
		step.setReadCount(read);
		step.setWriteCount(written);
		step.getExecutionContext().putLong(RunContextKeys.FAILED, skipped.size());
		step.getExecutionContext().put(RunContextKeys.SKIPPED_USERS, new ArrayList<>(skipped));
		execution.addStepExecutions(List.of(step));
	}

}
