package ng.kinta.dedicatedaccounts.batch.job;

import ng.kinta.dedicatedaccounts.batch.notification.PendingEmails;
import ng.kinta.dedicatedaccounts.batch.user.EligibleUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Records, when a run ends, how many eligible users and pending emails remain, so the
 * run's summary can be rebuilt later from the job repository alone.
 */
class RunSummaryListener implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(RunSummaryListener.class);

	private final EligibleUsers eligibleUsers;

	private final PendingEmails pendingEmails;

	private final JobRepository jobRepository;

	RunSummaryListener(EligibleUsers eligibleUsers, PendingEmails pendingEmails, JobRepository jobRepository) {
		this.eligibleUsers = eligibleUsers;
		this.pendingEmails = pendingEmails;
		this.jobRepository = jobRepository;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		try {
			jobExecution.getExecutionContext()
				.putLong(RunContextKeys.REMAINING, this.eligibleUsers.countWithoutAccount());
			jobExecution.getExecutionContext().putLong(RunContextKeys.EMAILS_PENDING, this.pendingEmails.count());
			// the job saves its context before afterJob: store these counts explicitly
			this.jobRepository.updateExecutionContext(jobExecution);
		}
		catch (RuntimeException ex) {
			// the run's outcome stands; the summary falls back to what the steps counted
			logger.warn("Could not count remaining users and pending emails: {}", ex.getClass().getSimpleName());
		}
	}

}
