package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Duration;

import ng.kinta.dedicatedaccounts.batch.notification.MailOutbox;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Gives the mail relay a new chance and zeroes the mail counts when a run (or a restart)
 * starts: the relay circuit is per run. Closes the run's relay connection when it ends.
 */
class MailRunListener implements JobExecutionListener {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

	private final MailOutbox outbox;

	MailRunListener(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.outbox.startRun();
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		// normally at once: the provisioning step has already waited for the mail
		this.outbox.endRun(CLOSE_TIMEOUT);
	}

}
