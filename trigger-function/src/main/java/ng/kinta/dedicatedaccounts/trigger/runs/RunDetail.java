package ng.kinta.dedicatedaccounts.trigger.runs;

import java.time.LocalDateTime;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.job.SkippedUser;

/**
 * One job execution with its steps and the users it skipped.
 *
 * @param run the job execution
 * @param steps its step executions, in the order they ran
 * @param skippedUsers users the provisioning step skipped (failed or unusable record), by
 * id with the reason and the time of the next attempt
 */
record RunDetail(RunRow run, List<Step> steps, List<SkippedUser> skippedUsers) {

	/**
	 * One step execution.
	 *
	 * @param name step name
	 * @param status batch status
	 * @param exitCode exit code
	 * @param readCount items (users or pending emails) read
	 * @param writeCount items written
	 * @param skipCount items skipped
	 * @param commitCount transactions committed
	 * @param startTime start, local time of the job repository
	 * @param endTime end, or {@code null}
	 */
	record Step(String name, String status, String exitCode, long readCount, long writeCount, long skipCount,
			long commitCount, LocalDateTime startTime, LocalDateTime endTime) {
	}

}
