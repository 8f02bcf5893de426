package ng.kinta.dedicatedaccounts.trigger;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;

import ng.kinta.dedicatedaccounts.batch.ConfigurationErrors;
import ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration;
import ng.kinta.dedicatedaccounts.commandline.SpringSettings;
import ng.kinta.dedicatedaccounts.commandline.UsageErrors;
import ng.kinta.dedicatedaccounts.trigger.command.TestCronCommand;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The web app QStash calls: serves the trigger function and runs the batch job in
 * process. {@code test-cron} runs the command instead, without web server or job (see
 * {@link TestCronCommand}). The arguments are parsed by picocli ({@link TriggerCommand})
 * before any Spring context starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(DedicatedAccountsBatchConfiguration.class)
public class TriggerFunctionApplication {

	/** Prefixes of the settings this application binds (see {@link SpringSettings}). */
	static final List<String> SETTING_PREFIXES = Stream
		.concat(SpringSettings.COMMON_PREFIXES.stream(), Stream.of("trigger."))
		.toList();

	public static void main(String[] args) {
		run(args, (application) -> {
		}).ifPresent(System::exit);
	}

	/**
	 * Serves the trigger, or runs the command the arguments name.
	 * @param args the command line: an optional command and Spring settings as
	 * {@code --name=value}
	 * @param customizer adjusts the Spring application before it starts (the demo adds
	 * its profile)
	 * @return the exit code of a command, help or usage error; empty when the web app was
	 * started and keeps running
	 */
	public static OptionalInt run(String[] args, Consumer<SpringApplication> customizer) {
		SpringSettings split = SpringSettings.split(args, SETTING_PREFIXES);
		CommandLine commandLine = TriggerCommand.commandLine();
		ParseResult parsed;
		try {
			parsed = commandLine.parseArgs(split.commandArgumentsArray());
			Integer helpExitCode = CommandLine.executeHelpRequest(parsed);
			if (helpExitCode != null) {
				return OptionalInt.of(helpExitCode);
			}
		}
		catch (ParameterException ex) {
			return OptionalInt.of(UsageErrors.report(ex));
		}
		if (parsed.hasSubcommand()) {
			TriggerCommand.TestCron testCron = (TriggerCommand.TestCron) parsed.subcommand().commandSpec().userObject();
			return OptionalInt.of(TestCronCommand.run(testCron.url, split.settingsArray(), customizer));
		}
		SpringApplication application = new SpringApplication(TriggerFunctionApplication.class);
		customizer.accept(application);
		try {
			application.run(split.settingsArray());
		}
		catch (RuntimeException ex) {
			// Spring Boot has logged the failure; end with the setting that caused it
			System.err.println(ConfigurationErrors.lastLine(ex));
			return OptionalInt.of(1);
		}
		return OptionalInt.empty();
	}

}
