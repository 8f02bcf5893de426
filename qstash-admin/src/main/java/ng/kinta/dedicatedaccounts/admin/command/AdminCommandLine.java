package ng.kinta.dedicatedaccounts.admin.command;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import ng.kinta.dedicatedaccounts.commandline.SpringSettings;
import ng.kinta.dedicatedaccounts.commandline.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * The entry point of {@code qstash-admin.jar}: parses the arguments with picocli
 * ({@link QstashAdminCommand}) before any Spring context exists, answers help, version
 * and usage errors on its own, then either serves the HTTP API or runs one command in a
 * context without web server.
 */
public final class AdminCommandLine {

	/** Exit code of a usage or configuration error. */
	public static final int USAGE = AdminCommands.USAGE;

	/** Prefixes of the settings this application binds (see {@link SpringSettings}). */
	private static final List<String> SETTING_PREFIXES = Stream
		.concat(SpringSettings.COMMON_PREFIXES.stream(), Stream.of("qstash."))
		.toList();

	private AdminCommandLine() {
	}

	/**
	 * Serves the HTTP API, or runs the command the arguments name.
	 * @param args the program arguments: an optional command and Spring settings as
	 * {@code --name=value}
	 * @param application the Spring Boot application class
	 * @return the exit code of a command, help or usage error; empty when the web app was
	 * started and keeps running
	 */
	public static OptionalInt run(String[] args, Class<?> application) {
		SpringSettings split = SpringSettings.split(args, SETTING_PREFIXES);
		CommandLine commandLine = QstashAdminCommand.commandLine();
		AdminCommand command;
		try {
			ParseResult parsed = commandLine.parseArgs(split.commandArgumentsArray());
			Integer helpExitCode = CommandLine.executeHelpRequest(parsed);
			if (helpExitCode != null) {
				return OptionalInt.of(helpExitCode);
			}
			command = QstashAdminCommand.toCommand(parsed);
		}
		catch (ParameterException ex) {
			return OptionalInt.of(UsageErrors.report(ex));
		}
		if (command == null) {
			SpringApplication.run(application, split.settingsArray());
			return OptionalInt.empty();
		}
		return OptionalInt.of(runCommand(command, split.settingsArray(), application));
	}

	private static int runCommand(AdminCommand command, String[] settings, Class<?> applicationClass) {
		SpringApplication application = new SpringApplication(applicationClass);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// keep standard output for the command's result; --logging.level.root=info
		// overrides
		application.setDefaultProperties(Map.of("logging.level.root", "warn"));
		// the command is parsed once, here; AdminCommandRunner receives it as a bean
		application.addInitializers((context) -> context.getBeanFactory().registerSingleton("adminCommand", command));
		try {
			return SpringApplication.exit(application.run(settings));
		}
		catch (RuntimeException ex) {
			// Boot has already reported why the context could not start (missing
			// variables)
			return USAGE;
		}
	}

}
