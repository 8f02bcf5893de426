package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a run is asked for while another run of the job is in progress: only one
 * run at a time is allowed, and a second launch is refused rather than queued.
 */
public class RunInProgressException extends RuntimeException {

	private final @Nullable Long runningExecutionId;

	private final @Nullable Duration untilLeaseLapses;

	/**
	 * Creates the exception.
	 * @param runningExecutionId id of the job execution in progress, {@code null} when it
	 * has not been created yet
	 * @param message the explanation shown to the caller
	 */
	public RunInProgressException(@Nullable Long runningExecutionId, String message) {
		this(runningExecutionId, message, null);
	}

	/**
	 * Creates the exception.
	 * @param runningExecutionId id of the job execution in progress, {@code null} when it
	 * has not been created yet
	 * @param message the explanation shown to the caller
	 * @param untilLeaseLapses time until the run lease lapses unless renewed (MongoDB's
	 * clock), or {@code null} when unknown
	 */
	public RunInProgressException(@Nullable Long runningExecutionId, String message,
			@Nullable Duration untilLeaseLapses) {
		super(message);
		this.runningExecutionId = runningExecutionId;
		this.untilLeaseLapses = untilLeaseLapses;
	}

	/**
	 * Time until the run lease lapses unless its holder renews it: the earliest moment a
	 * new run could start if the holder died.
	 * @return the time (at least 1 s), or {@code null} when unknown
	 */
	public @Nullable Duration getUntilLeaseLapses() {
		return this.untilLeaseLapses;
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
