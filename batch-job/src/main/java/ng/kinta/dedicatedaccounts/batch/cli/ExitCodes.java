package ng.kinta.dedicatedaccounts.batch.cli;

import ng.kinta.dedicatedaccounts.batch.run.JobExecutionNotFoundException;
import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.user.MissingUsersCollectionException;

/** Exit codes of {@code batch-job.jar} (README.md, "Command line of batch-job.jar"). */
final class ExitCodes {

	/** The run (or command) completed. */
	static final int COMPLETED = 0;

	/** The run failed (restart it) or the command could not be carried out. */
	static final int FAILED = 1;

	/** Unknown command, bad argument or missing configuration. */
	static final int USAGE_OR_CONFIGURATION = 2;

	/** Another run is in progress. */
	static final int RUN_IN_PROGRESS = 3;

	/** {@code explain}: no user has this id or email. */
	static final int NO_SUCH_USER = 4;

	private ExitCodes() {
	}

	/**
	 * The exit code of a command that ended with an exception: the one place that maps
	 * the run service's exceptions to exit codes.
	 * @param failure what the run service threw
	 * @return {@link #RUN_IN_PROGRESS} for {@link RunInProgressException},
	 * {@link #FAILED} for {@link JobExecutionNotFoundException} and
	 * {@link IllegalStateException} (the execution cannot be restarted or recovered)
	 * @throws RuntimeException the failure itself when it is none of those (a bug or an
	 * outage: Spring Boot reports it and the process exits with 1)
	 */
	static int forFailure(RuntimeException failure) {
		if (failure instanceof RunInProgressException) {
			return RUN_IN_PROGRESS;
		}
		if (failure instanceof MissingUsersCollectionException) {
			return USAGE_OR_CONFIGURATION;
		}
		if (failure instanceof JobExecutionNotFoundException || failure instanceof IllegalStateException) {
			return FAILED;
		}
		throw failure;
	}

}
