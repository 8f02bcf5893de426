package ng.kinta.dedicatedaccounts.batch.cli;

/** Exit codes of {@code batch-job.jar} ({@code docs/OPERATIONS.md}, "Exit codes"). */
final class ExitCodes {

	/** The run (or command) completed. */
	static final int COMPLETED = 0;

	/** The run failed (restart it) or the command could not be carried out. */
	static final int FAILED = 1;

	/** Unknown command, bad argument or missing configuration. */
	static final int USAGE_OR_CONFIGURATION = 2;

	/** Another run is in progress. */
	static final int RUN_IN_PROGRESS = 3;

	private ExitCodes() {
	}

}
