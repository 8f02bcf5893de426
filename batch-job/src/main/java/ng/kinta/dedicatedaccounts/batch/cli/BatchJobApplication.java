package ng.kinta.dedicatedaccounts.batch.cli;

import ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration;
import ng.kinta.dedicatedaccounts.batch.job.GracefulStop;
import ng.kinta.dedicatedaccounts.batch.run.RunProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code batch-job.jar}: runs, restarts, recovers and lists runs of the job from the
 * command line ({@code README.md}, "Command line"). Exit codes: see {@link ExitCodes}.
 */
@SpringBootApplication
@Import(DedicatedAccountsBatchConfiguration.class)
public class BatchJobApplication {

	public static void main(String[] args) {
		GracefulShutdown shutdown = new GracefulShutdown();
		shutdown.install();
		shutdown.exit(run(args, shutdown));
	}

	/**
	 * Runs one command.
	 * @param args the command line
	 * @return the process exit code
	 */
	static int run(String[] args) {
		return run(args, null);
	}

	private static int run(String[] args, GracefulShutdown shutdown) {
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
			if (shutdown != null) {
				// SIGTERM stops the run cleanly; the context closes after the summary
				application.setRegisterShutdownHook(false);
				application.addListeners((ApplicationListener<ApplicationStartedEvent>) (started) -> shutdown.onReady(
						started.getApplicationContext().getBean(GracefulStop.class)::request,
						started.getApplicationContext().getBean(RunProperties.class).stopGracePeriod()));
			}
			context = application.run(args);
		}
		catch (RuntimeException ex) {
			// Spring Boot has already logged the failure analysis (which
			// setting is missing)
			System.err.println("Could not start: the configuration is incomplete or invalid (see the report above)."
					+ " Set MONGO_DB_URI, BILL_STACK_SECRET_KEY and MAIL_FROM, or try --spring.profiles.active=demo.");
			return ExitCodes.USAGE_OR_CONFIGURATION;
		}
		return SpringApplication.exit(context);
	}

}
