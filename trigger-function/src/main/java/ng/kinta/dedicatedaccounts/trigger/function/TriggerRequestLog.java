package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.function.Supplier;

import ng.kinta.dedicatedaccounts.batch.job.RunLogContext;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One trigger request's logging: the trigger source and the QStash message id in the MDC
 * for every line logged while the request is handled (the job adds its execution id), and
 * one INFO line with the request's outcome and the run's counts. Never the body or a
 * header's value other than the message id.
 */
final class TriggerRequestLog implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TriggerRequestLog.class);

	private TriggerRequestLog(@Nullable String messageId) {
		MDC.put(RunLogContext.TRIGGER_SOURCE, MessageRunLauncher.SOURCE);
		if (messageId != null) {
			MDC.put(RunLogContext.MESSAGE_ID, messageId);
		}
	}

	/**
	 * Puts the request's ids into the MDC until {@link #close()}.
	 * @param messageId the {@code Upstash-Message-Id}, or {@code null}
	 * @return the log, to close when the request is answered
	 */
	static TriggerRequestLog open(@Nullable String messageId) {
		return new TriggerRequestLog(messageId);
	}

	/**
	 * Handles the request and logs its outcome.
	 * @param handler what answers the request
	 * @return the handler's answer, or a bare 500 when it threw (logged with its cause)
	 */
	TriggerAnswer outcomeOf(Supplier<TriggerAnswer> handler) {
		TriggerAnswer answer;
		try {
			answer = handler.get();
		}
		catch (RuntimeException ex) {
			logger.error("Trigger request failed", ex);
			log(500, null, "internal error");
			return TriggerAnswer.internalError();
		}
		RunSummary summary = answer.runSummary();
		log(answer.status(), summary, (answer.problem() != null) ? answer.problem().getDetail() : null);
		return answer;
	}

	private static void log(int status, @Nullable RunSummary summary, @Nullable String detail) {
		if (summary == null) {
			logger.info("Trigger request answered {}: {}", status, detail);
			return;
		}
		if (summary.jobExecutionId() != null) {
			MDC.put(RunLogContext.JOB_EXECUTION_ID, String.valueOf(summary.jobExecutionId()));
		}
		RunSummary.Counts counts = summary.data();
		logger.info(
				"Trigger request answered {}: job execution {} {}, {} processed, {} created, {} failed, {} skipped, "
						+ "{} emails sent, {} emails pending, {} users remaining",
				status, summary.jobExecutionId(), summary.exitStatus(), counts.processedInThisRun(),
				counts.successCount(), counts.failedCount(), counts.skippedCount(), counts.emailsSent(),
				counts.emailsPending(), counts.remainingUsers());
	}

	@Override
	public void close() {
		MDC.remove(RunLogContext.TRIGGER_SOURCE);
		MDC.remove(RunLogContext.MESSAGE_ID);
		MDC.remove(RunLogContext.JOB_EXECUTION_ID);
	}

}
