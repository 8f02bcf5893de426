package ng.kinta.dedicatedaccounts.batch.run;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a run is asked for while another run of the job is in progress: only one
 * run at a time is allowed, and a second launch is refused rather than queued.
 */
public class RunInProgressException extends RuntimeException {

	private final @Nullable Long runningExecutionId;

	/**
	 * Creates the exception.
	 * @param runningExecutionId id of the job execution in progress, {@code null} when it
	 * has not been created yet
	 * @param message the explanation shown to the caller
	 */
	public RunInProgressException(@Nullable Long runningExecutionId, String message) {
		super(message);
		this.runningExecutionId = runningExecutionId;
	}

	/**
	 * Id of the job execution in progress.
	 * @return the id, or {@code null} when another launch holds the lock but has not
	 * created its job execution yet
	 */
	public @Nullable Long getRunningExecutionId() {
		return this.runningExecutionId;
	}

}
