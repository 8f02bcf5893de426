package ng.kinta.dedicatedaccounts.batch.job;

import ng.kinta.dedicatedaccounts.batch.notification.MailOutbox;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Gives the mail relay a new chance and zeroes the mail counts when a run (or a restart)
 * starts: the relay circuit is per run.
 */
class MailRunListener implements JobExecutionListener {

	private final MailOutbox outbox;

	MailRunListener(MailOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.outbox.startRun();
	}

}
