package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts, restarts and recovers runs of {@code createDedicatedAccountsJob}, one at a
 * time, and reads their history from the job repository. This is the entry point used by
 * the command line and by the trigger function.
 */
public interface JobRunService {

	/**
	 * Starts a new job instance and waits for it to end.
	 * @param trigger who asks for the run
	 * @return the summary of the finished job execution (status {@code error} when it
	 * failed)
	 * @throws RunInProgressException when another run is in progress
	 */
	RunSummary startNewRun(RunTrigger trigger);

	/**
	 * Restarts a failed or stopped job execution (same job instance, a new job execution)
	 * and waits for it to end. Work already committed by the failed execution is not
	 * repeated.
	 * @param jobExecutionId the job execution to restart
	 * @return the summary of the new job execution
	 * @throws RunInProgressException when another run is in progress
	 * @throws JobExecutionNotFoundException when no such job execution exists
	 * @throws IllegalStateException when the job execution cannot be restarted (it
	 * completed, or it is still marked as running)
	 */
	RunSummary restart(long jobExecutionId);

	/**
	 * Restarts the most recent failed or stopped job execution.
	 * @return the summary of the new job execution
	 * @throws JobExecutionNotFoundException when there is no failed job execution
	 * @throws RunInProgressException when another run is in progress
	 */
	RunSummary restartLatestFailed();

	/**
	 * Marks a job execution left {@code STARTED} by a crashed process as {@code FAILED},
	 * so that later runs are no longer blocked and it can be restarted.
	 * @param jobExecutionId the job execution to recover
	 * @return the summary of the recovered (now failed) job execution
	 * @throws JobExecutionNotFoundException when no such job execution exists
	 * @throws IllegalStateException when the job execution is not marked as running
	 */
	RunSummary recover(long jobExecutionId);

	/**
	 * The summary of an existing job execution.
	 * @param jobExecutionId the job execution
	 * @return its summary, or empty when it does not exist
	 */
	Optional<RunSummary> summaryOf(long jobExecutionId);

	/**
	 * The newest job execution started for a message (see
	 * {@link RunTrigger#messageId()}); restarts of that run count as started for the same
	 * message.
	 * @param messageId the message id
	 * @return the newest such job execution id, or empty when none exists
	 */
	Optional<Long> findLatestExecutionForMessage(String messageId);

	/**
	 * Whether a catch-up run was already chained after a job execution (or another
	 * execution of its job instance), and which circuit opened in it.
	 * @param jobExecutionId the job execution
	 * @return what is known
	 * @throws JobExecutionNotFoundException when no such job execution exists
	 */
	RunChain chainOf(long jobExecutionId);

	/**
	 * Records the catch-up run chained after a job execution in its execution context.
	 * @param jobExecutionId the job execution
	 * @param catchUp the published catch-up message
	 * @throws JobExecutionNotFoundException when no such job execution exists
	 */
	void recordCatchUp(long jobExecutionId, ChainedCatchUp catchUp);

	/**
	 * Counts the catch-up runs chained since a time, from the recent job executions.
	 * @param since the start of the period
	 * @return catch-ups published at or after {@code since}
	 */
	long catchUpsPublishedSince(Instant since);

	/**
	 * The catch-up chained most recently, after any run.
	 * @return it, or empty when none is in the recent history
	 */
	Optional<ChainedCatchUp> latestCatchUp();

	/**
	 * The most recent job executions, newest first.
	 * @param count how many at most
	 * @return up to {@code count} executions
	 */
	List<JobExecutionView> recentExecutions(int count);

}
