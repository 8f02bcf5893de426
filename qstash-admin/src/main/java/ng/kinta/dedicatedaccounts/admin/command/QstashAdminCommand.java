package ng.kinta.dedicatedaccounts.admin.command;

import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code qstash-admin.jar} as a picocli model: no command serves
 * {@code POST /api/cron/manage}; {@code init-cron}, {@code list}, {@code delete ID},
 * {@code pause ID}, {@code resume ID} call QStash and exit; {@code help}, {@code --help},
 * {@code --version}. Parsed before any Spring context starts, so help needs no
 * {@code QSTASH_TOKEN} and starts no web server.
 */
@CommandLine.Command(name = "qstash-admin", mixinStandardHelpOptions = true,
		versionProvider = QstashAdminCommand.ManifestVersion.class,
		customSynopsis = "java -jar qstash-admin.jar [init-cron | list | delete ID | pause ID | resume ID] [--name=value...]",
		description = "Without a command, serves POST /api/cron/manage (port 8081).",
		subcommands = { QstashAdminCommand.InitCron.class, QstashAdminCommand.ListSchedules.class,
				QstashAdminCommand.Delete.class, QstashAdminCommand.Pause.class, QstashAdminCommand.Resume.class,
				CommandLine.HelpCommand.class },
		footerHeading = "%n",
		footer = {
				"Output: one JSON document on standard output, as POST /api/cron/manage answers; errors on standard error.",
				"Settings: --name=value for names under spring., app., qstash., logging., management., server.",
				"  e.g. --qstash.url=https://qstash-us-east-1.upstash.io (docs/CONFIGURATION.md)",
				"Exit codes: 0 done, 1 QStash failed or is unreachable, 2 usage or configuration error" })
final class QstashAdminCommand {

	private QstashAdminCommand() {
	}

	static CommandLine commandLine() {
		return new CommandLine(new QstashAdminCommand()).setUsageHelpWidth(110);
	}

	/**
	 * The command the parsed arguments ask for.
	 * @param parsed picocli's parse result of {@link #commandLine()}
	 * @return the command, or {@code null} for none (serve the HTTP API)
	 */
	static AdminCommand toCommand(ParseResult parsed) {
		if (!parsed.hasSubcommand()) {
			return null;
		}
		CommandSpec spec = parsed.subcommand().commandSpec();
		String id = (spec.userObject() instanceof WithId withId) ? withId.id : null;
		return new AdminCommand(spec.name(), id);
	}

	@CommandLine.Command(name = "init-cron", mixinStandardHelpOptions = true,
			description = "Create (or overwrite) the schedule that triggers the job.")
	static class InitCron {

	}

	@CommandLine.Command(name = "list", mixinStandardHelpOptions = true,
			description = "List the schedules (id, cron, destination, paused state, ...).")
	static class ListSchedules {

	}

	abstract static class WithId {

		@Parameters(arity = "1", paramLabel = "ID", description = "Schedule id.")
		String id;

	}

	@CommandLine.Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a schedule.")
	static class Delete extends WithId {

	}

	@CommandLine.Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a schedule.")
	static class Pause extends WithId {

	}

	@CommandLine.Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a schedule.")
	static class Resume extends WithId {

	}

	/**
	 * The jar's {@code Implementation-Version}; {@code development} when run from
	 * classes.
	 */
	static final class ManifestVersion implements IVersionProvider {

		@Spec
		CommandSpec spec;

		@Override
		public String[] getVersion() {
			String version = QstashAdminCommand.class.getPackage().getImplementationVersion();
			return new String[] { "qstash-admin " + ((version != null) ? version : "development") };
		}

	}

}
