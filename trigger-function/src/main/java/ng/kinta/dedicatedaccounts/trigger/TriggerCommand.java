package ng.kinta.dedicatedaccounts.trigger;

import ng.kinta.dedicatedaccounts.batch.cli.ManifestVersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * The command line of {@code trigger-function.jar} as a picocli model: no command serves
 * the trigger endpoint; {@code test-cron [URL]} sends one signed request; {@code help},
 * {@code --help}, {@code --version}. Parsed before any Spring context starts.
 */
@CommandLine.Command(name = "trigger-function", mixinStandardHelpOptions = true,
		versionProvider = ManifestVersionProvider.class,
		customSynopsis = "java -jar trigger-function.jar [test-cron [URL]] [--name=value...]",
		description = "Without a command, serves POST /api/cron/create-dedicated-accounts (port 8080) and runs the job.",
		subcommands = { TriggerCommand.TestCron.class, CommandLine.HelpCommand.class }, footerHeading = "%n",
		footer = { "Settings: --name=value for names under spring., app., trigger., logging., management., server.",
				"  e.g. --server.port=9090 --spring.profiles.active=prod (docs/CONFIGURATION.md)",
				"Exit codes of test-cron: 0 answer 2xx, 1 other answer or no answer, 2 usage or configuration error" })
final class TriggerCommand {

	private TriggerCommand() {
	}

	/**
	 * A new command line model; build one per parse.
	 * @return the picocli command line of {@code trigger-function.jar}
	 */
	static CommandLine commandLine() {
		return new CommandLine(new TriggerCommand()).setUsageHelpWidth(110);
	}

	@CommandLine.Command(name = "test-cron", mixinStandardHelpOptions = true,
			description = "Send one request signed as QStash would (current signing key) and print the answer.")
	static class TestCron {

		@Parameters(arity = "0..1", paramLabel = "URL",
				description = "Where to send it; default: this machine on server.port (8080), path /api/cron/create-dedicated-accounts.")
		String url;

	}

}
