package ng.kinta.dedicatedaccounts.batch.cli;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.explain.ReconciliationQueue;
import ng.kinta.dedicatedaccounts.batch.explain.UserExplainer;
import ng.kinta.dedicatedaccounts.batch.job.JobProperties;
import ng.kinta.dedicatedaccounts.batch.run.JobExecutionView;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.user.EligibleUsers;
import ng.kinta.dedicatedaccounts.batch.user.UsersCollection;
import org.bson.types.ObjectId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Carries out the command of {@code batch-job.jar} and prints its result: the run summary
 * as one JSON line on standard output (logs go to standard error); {@code executions}
 * prints a table, or one JSON array with {@code --json}. Failures of the run service are
 * mapped to exit codes by {@link ExitCodes#forFailure}.
 */
@Component
class BatchCommandLine implements ApplicationRunner, ExitCodeGenerator {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Command command;

	private final JobRunService runs;

	private final EligibleUsers eligibleUsers;

	private final UsersCollection usersCollection;

	private final JobProperties jobProperties;

	private final JsonMapper jsonMapper;

	private final PrintStream out;

	private final ReconciliationCommands reconciliation;

	private final ExplainCommand explain;

	private int exitCode = ExitCodes.COMPLETED;

	BatchCommandLine(Command command, JobRunService runs, EligibleUsers eligibleUsers, UsersCollection usersCollection,
			JobProperties jobProperties, JsonMapper jsonMapper, ReconciliationQueue reconciliationQueue,
			UserExplainer userExplainer) {
		this.command = command;
		this.runs = runs;
		this.eligibleUsers = eligibleUsers;
		this.usersCollection = usersCollection;
		this.jobProperties = jobProperties;
		this.jsonMapper = jsonMapper;
		this.out = System.out;
		this.reconciliation = new ReconciliationCommands(reconciliationQueue, jsonMapper, this.out);
		this.explain = new ExplainCommand(userExplainer, jsonMapper, this.out);
	}

	@Override
	public void run(ApplicationArguments args) {
		Command command = this.command;
		try {
			if (command.name().equals("run") || command.name().equals("restart")) {
				// a wrong database is a configuration error, found before a run starts
				this.usersCollection.requireExists();
			}
			switch (command.name()) {
				case "run" -> {
					if (command.dryRun()) {
						dryRun();
					}
					else {
						print(this.runs.startNewRun(RunTrigger.COMMAND_LINE));
					}
				}
				case "restart" -> print((command.executionId() != null) ? this.runs.restart(command.executionId())
						: this.runs.restartLatestFailed());
				case "recover" -> {
					print(this.runs.recover(command.executionId()));
					this.exitCode = ExitCodes.COMPLETED;
				}
				case "executions" -> executions(command.json());
				case "reconciliation" ->
					this.exitCode = this.reconciliation.execute(command.reconciliation(), command.json());
				case "explain" -> this.exitCode = this.explain.execute(command.user(), command.json());
				default -> throw new IllegalArgumentException("Unknown command: " + command.name());
			}
		}
		catch (RuntimeException ex) {
			int exitCode = ExitCodes.forFailure(ex);
			printError(ex.getMessage(),
					(ex instanceof RunInProgressException inProgress) ? inProgress.getRunningExecutionId() : null);
			this.exitCode = exitCode;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private void dryRun() {
		EligibleUsers.Selection selection = this.eligibleUsers.select(this.jobProperties.maxUsersPerRun(),
				this.jobProperties.selectionBatchSize(), false);
		for (ObjectId id : selection.picked()) {
			this.out.println("would process user " + id.toHexString());
		}
		EligibleUsers.IgnoredRecords ignored = this.eligibleUsers.ignoredRecords(Integer.MAX_VALUE);
		for (String id : ignored.firstIds()) {
			this.out.println("would ignore user " + id + ": _id is not an ObjectId");
		}
		long picked = selection.picked().size();
		RunSummary.Counts counts = new RunSummary.Counts(selection.eligibleCount(), picked, selection.eligibleCount(),
				0, 0, 0, 0, 0, 0, ignored.count(), 0, 0, 0);
		this.out.println(
				this.jsonMapper.writeValueAsString(new RunSummary(RunSummary.OK,
						"Dry run: " + picked + " of " + selection.eligibleCount()
								+ " eligible users would be processed; nothing was changed.",
						null, "DRY_RUN", counts)));
	}

	private void executions(boolean json) {
		List<JobExecutionView> executions = this.runs.recentExecutions(20);
		if (json) {
			this.out.println(this.jsonMapper.writeValueAsString(executions));
			return;
		}
		if (executions.isEmpty()) {
			this.out.println("No job executions yet.");
			return;
		}
		String format = "%-6s %-9s %-10s %-21s %-19s %-19s %5s %5s %5s %-8s%n";
		this.out.printf(format, "ID", "INSTANCE", "STATUS", "EXIT", "START", "END", "READ", "WRITE", "SKIP", "TRIGGER");
		for (JobExecutionView execution : executions) {
			this.out.printf(format, execution.jobExecutionId(), execution.jobInstanceId(), execution.status(),
					execution.exitCode(), time(execution.startTime()), time(execution.endTime()), execution.readCount(),
					execution.writeCount(), execution.skipCount(), execution.trigger());
		}
	}

	private void print(RunSummary summary) {
		this.out.println(this.jsonMapper.writeValueAsString(summary));
		this.exitCode = summary.completed() ? ExitCodes.COMPLETED : ExitCodes.FAILED;
	}

	private void printError(String message, Long jobExecutionId) {
		this.out.println(this.jsonMapper.writeValueAsString(
				new RunSummary(RunSummary.ERROR, message, jobExecutionId, "NOOP", RunSummary.Counts.NONE)));
	}

	private static String time(java.time.LocalDateTime time) {
		return (time != null) ? TIME.format(time) : "-";
	}

}
