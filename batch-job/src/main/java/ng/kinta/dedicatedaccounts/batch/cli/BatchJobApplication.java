package ng.kinta.dedicatedaccounts.batch.cli;

import ng.kinta.dedicatedaccounts.batch.ConfigurationErrors;
import ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code batch-job.jar}: runs, restarts, recovers and lists runs of the job from the
 * command line ({@code shared/DESIGN.md} §5). Exit codes: see {@link ExitCodes}.
 */
@SpringBootApplication
@Import(DedicatedAccountsBatchConfiguration.class)
public class BatchJobApplication {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Runs one command.
	 * @param args the command line
	 * @return the process exit code
	 */
	static int run(String[] args) {
		Command command;
		try {
			command = Command.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(Command.USAGE);
			return ExitCodes.USAGE_OR_CONFIGURATION;
		}
		if (command.help()) {
			System.out.println(Command.USAGE);
			return ExitCodes.COMPLETED;
		}
		ConfigurableApplicationContext context;
		try {
			SpringApplication application = new SpringApplication(BatchJobApplication.class);
			// the command is parsed once, here; BatchCommandLine receives it as a bean
			application
				.addInitializers((initializing) -> initializing.getBeanFactory().registerSingleton("command", command));
			context = application.run(args);
		}
		catch (RuntimeException ex) {
			// Spring Boot has already logged the failure analysis (which setting is
			// missing)
			System.err.println(ConfigurationErrors.lastLine(ex));
			return ExitCodes.USAGE_OR_CONFIGURATION;
		}
		return SpringApplication.exit(context);
	}

}
