package ng.kinta.dedicatedaccounts.batch.cli;

/**
 * A parsed command of {@code batch-job.jar} (see {@link BatchJobCommand}).
 *
 * @param name {@code run}, {@code restart}, {@code recover} or {@code executions}
 * @param executionId the job execution id argument, or {@code null}
 * @param dryRun whether {@code --dry-run} was given ({@code run} only)
 * @param json whether {@code --json} was given ({@code executions} only)
 */
record Command(String name, Long executionId, boolean dryRun, boolean json) {

}
