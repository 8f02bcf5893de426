package ng.kinta.dedicatedaccounts.batch.cli;

import java.util.Locale;

import org.bson.types.ObjectId;
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
 * {@code executions [--json]}, {@code reconciliation [list [--json] | record USER ... |
 * release USER | dismiss USER]}, {@code explain USER [--json]}, {@code help},
 * {@code --help}, {@code --version}. It only holds what was parsed: parsing happens
 * before any Spring context exists, so a usage error never connects to anything.
 */
@CommandLine.Command(name = "batch-job", mixinStandardHelpOptions = true,
		versionProvider = ManifestVersionProvider.class, sortOptions = false,
		customSynopsis = "java -jar batch-job.jar [run [--dry-run] | restart [ID] | recover ID | executions [--json]"
				+ " | reconciliation [list|record|release|dismiss] ... | explain USER [--json]] [--name=value...]",
		description = "Runs createDedicatedAccountsJob: without a command, starts a new run now.",
		subcommands = { BatchJobCommand.Run.class, BatchJobCommand.Restart.class, BatchJobCommand.Recover.class,
				BatchJobCommand.Executions.class, BatchJobCommand.ReconciliationCommand.class,
				BatchJobCommand.Explain.class, CommandLine.HelpCommand.class },
		footerHeading = "%n", footer = BatchJobCommand.FOOTER)
class BatchJobCommand {

	static final String FOOTER = """
			Settings: --name=value for names under spring., app., logging., management., server.
			  e.g. --spring.profiles.active=demo --app.job.max-users-per-run=10 (docs/CONFIGURATION.md)
			Exit codes: 0 completed, 1 failed, 2 usage or configuration error, 3 another run is in progress,
			  4 no such user (explain)""";

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
		if (sub instanceof ReconciliationCommand) {
			return reconciliation(parsed.subcommand());
		}
		if (sub instanceof Explain explain) {
			return new Command("explain", null, false, explain.json, null, explain.user);
		}
		return new Command("executions", null, false, ((Executions) sub).json);
	}

	private static Command reconciliation(ParseResult parsed) {
		ReconciliationCommand top = (ReconciliationCommand) parsed.commandSpec().userObject();
		if (!parsed.hasSubcommand()) {
			return new Command("reconciliation", null, false, top.json,
					new Command.Reconciliation("list", null, null, null, null, null, operator(null)));
		}
		Object sub = parsed.subcommand().commandSpec().userObject();
		if (sub instanceof ListParked list) {
			return new Command("reconciliation", null, false, list.json || top.json,
					new Command.Reconciliation("list", null, null, null, null, null, operator(null)));
		}
		if (sub instanceof RecordAccount record) {
			return new Command("reconciliation", null, false, false,
					new Command.Reconciliation("record", userId(record.spec, record.userId), record.accountNumber,
							record.bank.toUpperCase(Locale.ROOT), record.bankName, record.accountName,
							operator(record.by)));
		}
		if (sub instanceof Release release) {
			return new Command("reconciliation", null, false, false, new Command.Reconciliation("release",
					userId(release.spec, release.userId), null, null, null, null, operator(release.by)));
		}
		Dismiss dismiss = (Dismiss) sub;
		return new Command("reconciliation", null, false, false, new Command.Reconciliation("dismiss",
				userId(dismiss.spec, dismiss.userId), null, null, null, null, operator(dismiss.by)));
	}

	private static String userId(CommandSpec spec, String userId) {
		if (!ObjectId.isValid(userId)) {
			throw new ParameterException(spec.commandLine(), "Not a user id (24 hexadecimal digits): " + userId);
		}
		return userId;
	}

	private static String operator(String by) {
		if (by != null && !by.isBlank()) {
			return by.strip();
		}
		String user = System.getProperty("user.name");
		return (user != null) ? user : "unknown operator";
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

	@CommandLine.Command(name = "reconciliation", mixinStandardHelpOptions = true,
			description = "Users whose Billstack outcome is unknown: list them (default), record the account"
					+ " found in Billstack's dashboard, or release them for a fresh attempt.",
			subcommands = { ListParked.class, RecordAccount.class, Release.class, Dismiss.class })
	static class ReconciliationCommand {

		@Option(names = "--json", description = "Print them as one JSON array.")
		boolean json;

	}

	@CommandLine.Command(name = "list", mixinStandardHelpOptions = true,
			description = "List users needing reconciliation (default).")
	static class ListParked {

		@Option(names = "--json", description = "Print them as one JSON array.")
		boolean json;

	}

	@CommandLine.Command(name = "record", mixinStandardHelpOptions = true,
			description = "Record the account found in Billstack's dashboard; the next run writes it and emails"
					+ " the user.")
	static class RecordAccount {

		@Spec
		CommandSpec spec;

		@Parameters(arity = "1", paramLabel = "USER", description = "The user's id.")
		String userId;

		@Option(names = "--account-number", required = true, description = "The account number.")
		String accountNumber;

		@Option(names = "--bank", required = true, description = "The Billstack bank value, e.g. PALMPAY.")
		String bank;

		@Option(names = "--account-name", required = true, description = "The account name Billstack shows.")
		String accountName;

		@Option(names = "--bank-name", description = "The bank's display name (default: the bank value).")
		String bankName;

		@Option(names = "--by", description = "Who resolves it (default: the OS user).")
		String by;

	}

	/** What {@code release} and {@code dismiss} take: a user and who resolves it. */
	abstract static class UserResolution {

		@Spec
		CommandSpec spec;

		@Parameters(arity = "1", paramLabel = "USER", description = "The user's id.")
		String userId;

		@Option(names = "--by", description = "Who resolves it (default: the OS user).")
		String by;

	}

	@CommandLine.Command(name = "release", mixinStandardHelpOptions = true,
			description = "Release the user for a fresh attempt at every bank (Billstack holds no account for it).")
	static class Release extends UserResolution {

	}

	@CommandLine.Command(name = "dismiss", mixinStandardHelpOptions = true,
			description = "Dismiss the second accounts kept aside for the user (dealt with in Billstack).")
	static class Dismiss extends UserResolution {

	}

	@CommandLine.Command(name = "explain", mixinStandardHelpOptions = true,
			description = "Explain why a user has or has not a dedicated account: eligibility, the job's state"
					+ " and history, the account and the email (email and phone masked). Exit 4: no such user.")
	static class Explain {

		@Parameters(arity = "1", paramLabel = "USER", description = "The user's id or email.")
		String user;

		@Option(names = "--json", description = "Print it as JSON.")
		boolean json;

	}

	@CommandLine.Command(name = "executions", mixinStandardHelpOptions = true,
			description = "List recent job executions (id, status, times, counts).")
	static class Executions {

		@Option(names = "--json", description = "Print them as one JSON array.")
		boolean json;

	}

}
