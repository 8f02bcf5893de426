package ng.kinta.dedicatedaccounts.batch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code batch-job.jar} as a picocli model:
 * {@code [run] [--dry-run]}, {@code restart [ID]}, {@code recover ID},
 * {@code executions [--json]}, {@code help}, {@code --help}, {@code --version}. It only
 * holds what was parsed: parsing happens before any Spring context exists, so a usage
 * error never connects to anything.
 */
@CommandLine.Command(name = "batch-job", mixinStandardHelpOptions = true,
		versionProvider = ManifestVersionProvider.class, sortOptions = false,
		customSynopsis = "java -jar batch-job.jar [run [--dry-run] | restart [ID] | recover ID | executions [--json]]"
				+ " [--name=value...]",
		description = "Runs createDedicatedAccountsJob: without a command, starts a new run now.",
		subcommands = { BatchJobCommand.Run.class, BatchJobCommand.Restart.class, BatchJobCommand.Recover.class,
				BatchJobCommand.Executions.class, CommandLine.HelpCommand.class },
		footerHeading = "%n", footer = BatchJobCommand.FOOTER)
class BatchJobCommand {

	static final String FOOTER = """
			Settings: --name=value for names under spring., app., logging., management., server.
			  e.g. --spring.profiles.active=demo --app.job.max-users-per-run=10 (docs/CONFIGURATION.md)
			Exit codes: 0 completed, 1 failed, 2 usage or configuration error, 3 another run is in progress""";

	@Option(names = "--dry-run", description = "List who would be processed; no Billstack, mail or writes.")
	boolean dryRun;

	/**
	 * A new command line model; build one per parse.
	 * @return the picocli command line of {@code batch-job.jar}
	 */
	static CommandLine commandLine() {
		return new CommandLine(new BatchJobCommand()).setUsageHelpWidth(110);
	}

	/**
	 * The command the parsed arguments ask for.
	 * @param parsed picocli's parse result of {@link #commandLine()}
	 * @return the command
	 * @throws ParameterException when {@code --dry-run} goes with another command than
	 * {@code run}
	 */
	static Command toCommand(ParseResult parsed) {
		BatchJobCommand top = (BatchJobCommand) parsed.commandSpec().userObject();
		if (!parsed.hasSubcommand()) {
			return new Command("run", null, top.dryRun, false);
		}
		Object sub = parsed.subcommand().commandSpec().userObject();
		if (top.dryRun && !(sub instanceof Run)) {
			throw new ParameterException(parsed.subcommand().commandSpec().commandLine(),
					"--dry-run goes with run only");
		}
		if (sub instanceof Run run) {
			return new Command("run", null, top.dryRun || run.dryRun, false);
		}
		if (sub instanceof Restart restart) {
			return new Command("restart", restart.id, false, false);
		}
		if (sub instanceof Recover recover) {
			return new Command("recover", recover.id, false, false);
		}
		return new Command("executions", null, false, ((Executions) sub).json);
	}

	private static long positiveId(CommandSpec spec, long id) {
		if (id <= 0) {
			throw new ParameterException(spec.commandLine(), "Not a job execution id: " + id);
		}
		return id;
	}

	@CommandLine.Command(name = "run", mixinStandardHelpOptions = true, description = "Start a new run now (default).")
	static class Run {

		@Option(names = "--dry-run", description = "List who would be processed; no Billstack, mail or writes.")
		boolean dryRun;

	}

	@CommandLine.Command(name = "restart", mixinStandardHelpOptions = true,
			description = "Restart job execution ID, or the latest failed one.")
	static class Restart {

		@Spec
		CommandSpec spec;

		Long id;

		@Parameters(arity = "0..1", paramLabel = "ID", description = "Job execution id.")
		void id(long id) {
			this.id = positiveId(this.spec, id);
		}

	}

	@CommandLine.Command(name = "recover", mixinStandardHelpOptions = true,
			description = "Mark job execution ID, left STARTED by a crash, as failed.")
	static class Recover {

		@Spec
		CommandSpec spec;

		Long id;

		@Parameters(arity = "1", paramLabel = "ID", description = "Job execution id.")
		void id(long id) {
			this.id = positiveId(this.spec, id);
		}

	}

	@CommandLine.Command(name = "executions", mixinStandardHelpOptions = true,
			description = "List recent job executions (id, status, times, counts).")
	static class Executions {

		@Option(names = "--json", description = "Print them as one JSON array.")
		boolean json;

	}

}
