package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.function.Supplier;

import ng.kinta.dedicatedaccounts.batch.job.RunLogContext;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.messaging.Message;

/**
 * One trigger request's logging: the trigger source and the QStash message id in the MDC
 * for every line logged while the request is handled (the job adds its execution id), and
 * one INFO line with the request's outcome and the run's counts.
 */
final class TriggerRequestLog implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TriggerRequestLog.class);

	private TriggerRequestLog(String messageId) {
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
	static TriggerRequestLog open(String messageId) {
		return new TriggerRequestLog(messageId);
	}

	/**
	 * Handles the request and logs its outcome.
	 * @param handler what answers the request
	 * @return the handler's answer
	 * @throws RuntimeException what the handler threw, after logging it
	 */
	Message<RunSummary> outcomeOf(Supplier<Message<RunSummary>> handler) {
		try {
			Message<RunSummary> answer = handler.get();
			log(200, answer.getPayload(), null);
			return answer;
		}
		catch (TriggerException ex) {
			Object summary = (ex.problem().getProperties() != null)
					? ex.problem().getProperties().get(TriggerException.SUMMARY) : null;
			log(ex.status().value(), (summary instanceof RunSummary run) ? run : null, ex.getMessage());
			throw ex;
		}
		catch (RuntimeException ex) {
			log(500, null, "internal error");
			throw ex;
		}
	}

	private static void log(int status, RunSummary summary, String detail) {
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
