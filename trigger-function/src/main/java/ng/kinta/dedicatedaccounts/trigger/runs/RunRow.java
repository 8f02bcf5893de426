package ng.kinta.dedicatedaccounts.trigger.runs;

import java.time.LocalDateTime;

import ng.kinta.dedicatedaccounts.batch.run.RunSummary;

/**
 * One job execution in the run history.
 *
 * @param id job execution id
 * @param jobInstanceId its job instance (a restart keeps the instance)
 * @param status batch status ({@code COMPLETED}, {@code FAILED}, {@code STARTED}, ...)
 * @param exitCode exit code ({@code COMPLETED_WITH_SKIPS}, ...)
 * @param startTime start, local time of the job repository, or {@code null}
 * @param endTime end, or {@code null} while running or after a crash
 * @param durationMillis end minus start in milliseconds, or {@code null} without an end
 * @param triggerSource who asked for the run ({@code cli}, {@code qstash}, ...), or
 * {@code null}
 * @param messageId id of the message that asked for it (QStash's
 * {@code Upstash-Message-Id}), or {@code null}
 * @param counts the run summary's counts (numbers of users and emails)
 */
record RunRow(long id, long jobInstanceId, String status, String exitCode, LocalDateTime startTime,
		LocalDateTime endTime, Long durationMillis, String triggerSource, String messageId, RunSummary.Counts counts) {

	/** The duration for people, for example {@code 2.4 s}; empty without an end. */
	public String durationText() {
		return (this.durationMillis == null) ? "" : String.format("%.1f s", this.durationMillis / 1000.0);
	}

}
