package ng.kinta.dedicatedaccounts.batch.cli;

import java.util.function.Consumer;

import ng.kinta.dedicatedaccounts.batch.ConfigurationErrors;
import ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration;
import ng.kinta.dedicatedaccounts.commandline.SpringSettings;
import ng.kinta.dedicatedaccounts.commandline.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code batch-job.jar}: runs, restarts, recovers and lists runs of the job from the
 * command line (README.md, "Command line of batch-job.jar"). The arguments are parsed by
 * picocli ({@link BatchJobCommand}) before any Spring context starts: a usage error,
 * {@code --help} and {@code --version} never read configuration or connect to anything.
 * Exit codes: see {@link ExitCodes}.
 */
@SpringBootApplication
@Import(DedicatedAccountsBatchConfiguration.class)
public class BatchJobApplication {

	public static void main(String[] args) {
		runAndExit(args, (application) -> {
		});
	}

	/**
	 * Runs one command and ends the process with its exit code. SIGTERM or Ctrl-C during
	 * a run stops it cleanly: the run ends {@code STOPPED}, its summary is printed and
	 * the exit code is {@code 1} (see {@link GracefulShutdown}).
	 * @param args the command line, as for {@link #run(String[], Consumer)}
	 * @param customizer adjusts the Spring application before it starts
	 */
	public static void runAndExit(String[] args, Consumer<SpringApplication> customizer) {
		GracefulShutdown shutdown = new GracefulShutdown();
		shutdown.install();
		shutdown.exit(run(args, customizer.andThen(shutdown::prepare)));
	}

	/**
	 * Runs one command, with no adjustment of the Spring application.
	 * @param args the command line, as for {@link #run(String[], Consumer)}
	 * @return the process exit code
	 */
	static int run(String[] args) {
		return run(args, (application) -> {
		});
	}

	/**
	 * Runs one command.
	 * @param args the command line: a command and its options, and Spring settings as
	 * {@code --name=value} (see {@link SpringSettings})
	 * @param customizer adjusts the Spring application before it starts (the demo adds
	 * its profile and stand-ins); called only when a command is to be carried out
	 * @return the process exit code
	 */
	public static int run(String[] args, Consumer<SpringApplication> customizer) {
		SpringSettings split = SpringSettings.split(args, SpringSettings.COMMON_PREFIXES);
		CommandLine commandLine = BatchJobCommand.commandLine();
		Command command;
		try {
			ParseResult parsed = commandLine.parseArgs(split.commandArgumentsArray());
			Integer helpExitCode = CommandLine.executeHelpRequest(parsed);
			if (helpExitCode != null) {
				return helpExitCode;
			}
			command = BatchJobCommand.toCommand(parsed);
		}
		catch (ParameterException ex) {
			return UsageErrors.report(ex);
		}
		ConfigurableApplicationContext context;
		try {
			SpringApplication application = new SpringApplication(BatchJobApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			// the command is parsed once, here; BatchCommandLine receives it as a bean
			application
				.addInitializers((initializing) -> initializing.getBeanFactory().registerSingleton("command", command));
			customizer.accept(application);
			context = application.run(split.settingsArray());
		}
		catch (SpringApplication.AbandonedRunException ex) {
			// Spring Boot's ahead-of-time processing (./mvnw -Pnative package) stops the
			// application on purpose once it has its bean definitions: not a
			// configuration error
			throw ex;
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
