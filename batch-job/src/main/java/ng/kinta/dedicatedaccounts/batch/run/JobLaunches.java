package ng.kinta.dedicatedaccounts.batch.run;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.integration.annotation.MessagingGateway;

/**
 * Sends a {@link JobLaunchRequest} as a message to
 * {@value JobLaunchConfiguration#JOB_LAUNCH_REQUESTS_CHANNEL}, where Spring Batch
 * Integration's {@code JobLaunchingGateway} starts the job, and answers with the
 * {@link JobExecution} it replies with. The channel is direct: the job runs on the
 * caller's thread and has ended when this returns.
 */
@MessagingGateway(name = JobLaunchConfiguration.JOB_LAUNCHES_BEAN,
		defaultRequestChannel = JobLaunchConfiguration.JOB_LAUNCH_REQUESTS_CHANNEL)
interface JobLaunches {

	/**
	 * Launches a new job instance and waits for it to end.
	 * @param request the job and its (identifying) parameters
	 * @return the ended job execution
	 * @throws JobExecutionException when Spring Batch refuses the launch (unwrapped from
	 * the gateway's messaging exception)
	 */
	JobExecution launch(JobLaunchRequest request) throws JobExecutionException;

}
