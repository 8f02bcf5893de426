package ng.kinta.dedicatedaccounts.batch.run;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One line of the job's run history, as listed by the {@code executions} command.
 *
 * @param jobExecutionId id of the job execution
 * @param jobInstanceId id of its job instance (a restart keeps the instance)
 * @param status batch status ({@code STARTED}, {@code COMPLETED}, {@code FAILED}, ...)
 * @param exitCode exit code of the job execution
 * @param startTime when it started (local time of the job repository), or {@code null}
 * @param endTime when it ended, or {@code null} while running or after a crash
 * @param readCount users read by the provisioning step
 * @param writeCount users given an account by the provisioning step
 * @param skipCount users skipped (failed or unusable record)
 * @param trigger who asked for the run ({@code cli}, {@code qstash}, ...)
 */
public record JobExecutionView(long jobExecutionId, long jobInstanceId, String status, String exitCode,
		@Nullable LocalDateTime startTime, @Nullable LocalDateTime endTime, long readCount, long writeCount,
		long skipCount, String trigger) {
}
