package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Instant;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import ng.kinta.dedicatedaccounts.batch.job.StepNames;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Builds a {@link RunSummary} from a job execution and its step executions. */
final class RunSummaries {

	private RunSummaries() {
	}

	static RunSummary of(JobExecution jobExecution) {
		ExecutionContext jobContext = jobExecution.getExecutionContext();
		long processed = 0;
		long succeeded = 0;
		long failed = 0;
		long unusable = 0;
		long emailsSent = 0;
		long emailsFailed = 0;
		for (StepExecution step : jobExecution.getStepExecutions()) {
			ExecutionContext context = step.getExecutionContext();
			emailsSent += context.getLong(RunContextKeys.EMAILS_SENT, 0);
			emailsFailed += context.getLong(RunContextKeys.EMAILS_FAILED, 0);
			if (StepNames.PROVISION_ACCOUNTS.equals(step.getStepName())) {
				processed = step.getReadCount();
				succeeded = step.getWriteCount();
				failed = context.getLong(RunContextKeys.FAILED, 0);
				unusable = context.getLong(RunContextKeys.UNUSABLE, 0);
			}
		}
		long deferred = jobContext.getLong(RunContextKeys.LEFT_FOR_NEXT_RUN, 0);
		long total = jobContext.getLong(RunContextKeys.TOTAL_WITHOUT_ACCOUNTS, 0);
		long remaining = jobContext.getLong(RunContextKeys.REMAINING, Math.max(total - succeeded, 0));
		long emailsPending = jobContext.getLong(RunContextKeys.EMAILS_PENDING, 0);
		long ignored = jobContext.getLong(RunContextKeys.IGNORED_RECORDS, 0);
		long unknown = jobContext.getLong(RunContextKeys.UNKNOWN_OUTCOMES, 0);
		long parked = jobContext.getLong(RunContextKeys.NEEDS_RECONCILIATION, 0);
		long notRecorded = (jobContext.get(RunContextKeys.UNRECORDED_ACCOUNTS) instanceof List<?> kept) ? kept.size()
				: 0;
		RunSummary.Counts counts = new RunSummary.Counts(total, processed, remaining, succeeded, failed, unusable,
				emailsSent, emailsPending, emailsFailed, ignored, unknown, parked, notRecorded);
		boolean completed = jobExecution.getStatus() == BatchStatus.COMPLETED;
		Long catchUpIn = jobContext.containsKey(RunContextKeys.CATCH_UP_DELAY_SECONDS)
				? jobContext.getLong(RunContextKeys.CATCH_UP_DELAY_SECONDS) : null;
		Instant oldestWaiting = jobContext.containsKey(RunContextKeys.OLDEST_WAITING_SINCE)
				? Instant.ofEpochMilli(jobContext.getLong(RunContextKeys.OLDEST_WAITING_SINCE)) : null;
		return new RunSummary(completed ? RunSummary.OK : RunSummary.ERROR, message(jobExecution, counts, deferred),
				jobExecution.getId(), jobExecution.getExitStatus().getExitCode(), counts, catchUpIn, oldestWaiting);
	}

	private static String message(JobExecution jobExecution, RunSummary.Counts counts, long deferred) {
		BatchStatus status = jobExecution.getStatus();
		if (status == BatchStatus.COMPLETED) {
			if (counts.processedInThisRun() == 0) {
				return (counts.remainingUsers() == 0) ? "No users need a dedicated account."
						: "No users were due in this run; " + counts.remainingUsers()
								+ " users are waiting for a retry after a failure.";
			}
			String leftOver = (deferred > 0) ? ", " + deferred + " left for the next run" : "";
			String unknown = (counts.unknownOutcomeCount() > 0)
					? ", " + counts.unknownOutcomeCount() + " with an unknown outcome" : "";
			String parked = (counts.needsReconciliation() > 0)
					? " " + counts.needsReconciliation() + " users need reconciliation (`reconciliation`)." : "";
			return String.format("Processed %d users: %d accounts created, %d failed, %d skipped%s%s; %d remaining.%s",
					counts.processedInThisRun(), counts.successCount(), counts.failedCount(), counts.skippedCount(),
					leftOver, unknown, counts.remainingUsers(), parked);
		}
		if (status.isRunning()) {
			return "Run " + jobExecution.getId() + " is " + status + ".";
		}
		if (status == BatchStatus.STOPPED) {
			return "Run " + jobExecution.getId() + " was stopped (shutdown or signal) after processing "
					+ counts.processedInThisRun() + " users; the rest stay eligible. Restart it with `restart "
					+ jobExecution.getId() + "`, or let the next run take them.";
		}
		return "Run " + jobExecution.getId() + " ended " + status + " after processing " + counts.processedInThisRun()
				+ " users; restart it with `restart " + jobExecution.getId() + "`.";
	}

}
