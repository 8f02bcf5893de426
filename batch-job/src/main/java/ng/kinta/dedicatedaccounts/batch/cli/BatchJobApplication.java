package ng.kinta.dedicatedaccounts.batch.cli;

import ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Command line of {@code batch-job.jar}: runs, restarts, recovers and lists job
 * executions.
 */
@SpringBootApplication
@Import(DedicatedAccountsBatchConfiguration.class)
public class BatchJobApplication {

	public static void main(String[] args) {
		SpringApplication.run(BatchJobApplication.class, args);
	}

}
