package ng.kinta.dedicatedaccounts.batch.run;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.integration.launch.JobLaunchingGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.channel.DirectChannel;

/**
 * How a new run is launched, for every entry point (command line, web trigger, Lambda):
 * {@link BatchJobRunService}, holding the run lease, sends a {@code JobLaunchRequest}
 * through {@link JobLaunches} to the direct channel
 * {@value #JOB_LAUNCH_REQUESTS_CHANNEL}, whose subscriber is Spring Batch Integration's
 * {@link JobLaunchingGateway} ({@code JobOperator.start}, on the same thread). Restarts
 * and recoveries stay {@code JobOperator} calls: the gateway only starts new instances.
 */
@Configuration(proxyBeanMethods = false)
class JobLaunchConfiguration {

	/** Channel of the launch requests. */
	static final String JOB_LAUNCH_REQUESTS_CHANNEL = "jobLaunchRequests";

	/** Bean name of the {@link JobLaunches} gateway. */
	static final String JOB_LAUNCHES_BEAN = "jobLaunches";

	/*
	 * Direct, never an executor channel: the caller holds the run lease and waits for the
	 * run's end, and nothing may outlive it (a Lambda invocation freezes on return).
	 */
	@Bean(JOB_LAUNCH_REQUESTS_CHANNEL)
	DirectChannel jobLaunchRequests() {
		return new DirectChannel();
	}

	@Bean
	@ServiceActivator(inputChannel = JOB_LAUNCH_REQUESTS_CHANNEL)
	JobLaunchingGateway jobLaunchingGateway(JobOperator jobOperator) {
		return new JobLaunchingGateway(jobOperator);
	}

}
