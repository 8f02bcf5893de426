package ng.kinta.dedicatedaccounts.batch.job;

/**
 * Published (synchronously) when a run's first step starts, so that the run lease can
 * name the job execution once.
 *
 * @param jobExecutionId the job execution
 */
public record RunStarted(long jobExecutionId) {
}
