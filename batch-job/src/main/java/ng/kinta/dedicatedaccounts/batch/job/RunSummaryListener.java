package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Instant;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackPace;
import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import ng.kinta.dedicatedaccounts.batch.notification.MailRelayCircuit;
import ng.kinta.dedicatedaccounts.batch.notification.PendingEmails;
import ng.kinta.dedicatedaccounts.batch.user.EligibleUsers;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records, when a run ends, how many eligible users and pending emails remain, so the
 * run's summary can be rebuilt later from the job repository alone.
 */
class RunSummaryListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(RunSummaryListener.class);

	private final EligibleUsers eligibleUsers;

	private final PendingEmails pendingEmails;

	private final JobRepository jobRepository;

	private final ProvisioningStateRepository provisioningState;

	private final ProvisioningMetrics metrics;

	private final MailRelayCircuit mailRelayCircuit;

	private final BillstackPace billstackPace;

	RunSummaryListener(EligibleUsers eligibleUsers, PendingEmails pendingEmails,
			ProvisioningStateRepository provisioningState, JobRepository jobRepository, ProvisioningMetrics metrics,
			MailRelayCircuit mailRelayCircuit, BillstackPace billstackPace) {
		this.metrics = metrics;
		this.mailRelayCircuit = mailRelayCircuit;
		this.billstackPace = billstackPace;
		this.eligibleUsers = eligibleUsers;
		this.pendingEmails = pendingEmails;
		this.provisioningState = provisioningState;
		this.jobRepository = jobRepository;
	}

	/**
	 * Exit status of a completed run in which some users were skipped (failed or
	 * unusable).
	 */
	static final String COMPLETED_WITH_SKIPS = "COMPLETED_WITH_SKIPS";

	@Override
	public void beforeJob(JobExecution jobExecution) {
		jobExecution.getExecutionContext()
			.putLong(RunContextKeys.THROTTLES_AT_START, this.billstackPace.throttleCount());
		jobExecution.getExecutionContext().remove(RunContextKeys.CIRCUIT_OPENED);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		markSkips(jobExecution);
		recordCircuits(jobExecution);
		try {
			jobExecution.getExecutionContext()
				.putLong(RunContextKeys.REMAINING, this.eligibleUsers.countWithoutAccount());
			jobExecution.getExecutionContext().putLong(RunContextKeys.EMAILS_PENDING, this.pendingEmails.count());
			this.metrics
				.pendingEmailsCounted(jobExecution.getExecutionContext().getLong(RunContextKeys.EMAILS_PENDING));
			String claimToken = jobExecution.getJobParameters().getString(RunContextKeys.CLAIM_TOKEN);
			if (claimToken != null) {
				jobExecution.getExecutionContext()
					.putLong(RunContextKeys.LEFT_FOR_NEXT_RUN, this.eligibleUsers.countClaimedAndStillDue(claimToken));
				jobExecution.getExecutionContext()
					.putLong(RunContextKeys.UNKNOWN_OUTCOMES,
							this.provisioningState.countClaimed(claimToken, ProvisioningState.OUTCOME_UNKNOWN));
			}
			jobExecution.getExecutionContext()
				.putLong(RunContextKeys.NEEDS_RECONCILIATION, this.provisioningState.countNeedingReconciliation());
			Instant oldest = this.eligibleUsers.oldestWaitingSince();
			if (oldest != null) {
				jobExecution.getExecutionContext().putLong(RunContextKeys.OLDEST_WAITING_SINCE, oldest.toEpochMilli());
			}
			else {
				jobExecution.getExecutionContext().remove(RunContextKeys.OLDEST_WAITING_SINCE);
			}
			// the job saves its context before afterJob: store these counts explicitly
			this.jobRepository.updateExecutionContext(jobExecution);
		}
		catch (RuntimeException ex) {
			// the run's outcome stands; the summary falls back to what the steps counted
			logger.warn("Could not count remaining users and pending emails: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Notes the circuit that opened in this run, the reason no catch-up run follows it:
	 * the mail relay failed, or Billstack asked us to slow down.
	 * @param jobExecution the finished job execution
	 */
	private void recordCircuits(JobExecution jobExecution) {
		long throttlesAtStart = jobExecution.getExecutionContext().getLong(RunContextKeys.THROTTLES_AT_START, 0);
		if (this.mailRelayCircuit.isOpen()) {
			jobExecution.getExecutionContext().putString(RunContextKeys.CIRCUIT_OPENED, "mail relay");
		}
		else if (this.billstackPace.throttleCount() > throttlesAtStart) {
			jobExecution.getExecutionContext().putString(RunContextKeys.CIRCUIT_OPENED, "Billstack throttling");
		}
	}

	/**
	 * A run whose users all failed still completes (they wait for their back-off), so the
	 * exit status and an error line are what tells operators something is wrong.
	 * @param jobExecution the finished job execution
	 */
	private static void markSkips(JobExecution jobExecution) {
		if (jobExecution.getStatus() != BatchStatus.COMPLETED) {
			return;
		}
		for (StepExecution step : jobExecution.getStepExecutions()) {
			long skipped = step.getExecutionContext().getLong(RunContextKeys.FAILED, 0)
					+ step.getExecutionContext().getLong(RunContextKeys.UNUSABLE, 0);
			if (skipped == 0) {
				continue;
			}
			jobExecution.setExitStatus(new ExitStatus(COMPLETED_WITH_SKIPS,
					skipped + " users skipped; see accountProvisioning.lastError on each"));
			if (step.getWriteCount() == 0) {
				logger.error("Run {}: no account created, {} users skipped: Billstack may be failing for every user",
						jobExecution.getId(), skipped);
			}
		}
	}

}
