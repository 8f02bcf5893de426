package ng.kinta.dedicatedaccounts.admin.command;

import java.io.PrintWriter;
import java.util.Map;
import java.util.OptionalInt;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

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
		SpringSettings split = SpringSettings.split(args, SpringSettings.PREFIXES);
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
			PrintWriter err = ex.getCommandLine().getErr();
			// the value of a rejected --name=value may be a secret under a misspelt name
			err.println(message(ex));
			UnmatchedArgumentException.printSuggestions(ex, err);
			ex.getCommandLine().usage(err);
			err.flush();
			return OptionalInt.of(USAGE);
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

	/*
	 * An unmatched argument as it may be shown: {@code --name=value} loses its value,
	 * which may be a secret given under a misspelt name.
	 */
	static String withoutValue(String arg) {
		int equals = arg.indexOf('=');
		return (arg.startsWith("-") && equals > 0) ? arg.substring(0, equals + 1) + "…" : arg;
	}

	private static String message(ParameterException ex) {
		String message = ex.getMessage();
		if (ex instanceof UnmatchedArgumentException unmatched) {
			for (String arg : unmatched.getUnmatched()) {
				message = message.replace(arg, withoutValue(arg));
			}
		}
		return message;
	}

}
