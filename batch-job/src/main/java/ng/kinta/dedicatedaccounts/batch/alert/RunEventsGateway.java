package ng.kinta.dedicatedaccounts.batch.alert;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.integration.annotation.Gateway;
import org.springframework.integration.annotation.MessagingGateway;

/**
 * Job execution listener whose {@code afterJob} sends the ended {@link JobExecution} as a
 * message to {@value RunAlertsConfiguration#RUN_EVENTS_CHANNEL} (Spring Batch
 * Integration's "informational messages"). Registered on the job under the bean name
 * {@value RunAlertsConfiguration#LISTENER_BEAN}; {@code beforeJob} stays the interface's
 * no-op.
 */
@MessagingGateway(name = RunAlertsConfiguration.LISTENER_BEAN,
		defaultRequestChannel = RunAlertsConfiguration.RUN_EVENTS_CHANNEL)
interface RunEventsGateway extends JobExecutionListener {

	@Override
	@Gateway
	void afterJob(JobExecution jobExecution);

}
