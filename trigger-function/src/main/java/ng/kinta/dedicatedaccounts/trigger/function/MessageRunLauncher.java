package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.Optional;

import ng.kinta.dedicatedaccounts.batch.run.JobExecutionNotFoundException;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the job for one QStash message, at most once per message id: QStash delivers at
 * least once and retries non-2xx answers ({@code docs/QSTASH.md} §3).
 * <ul>
 * <li>a new message id starts a new run;</li>
 * <li>a message whose run completed gets that run's summary again (no new run);</li>
 * <li>a message whose run failed or stopped restarts that execution, whatever its exit
 * code;</li>
 * <li>any launch or restart while a run holds the run lease (on any host) is refused with
 * 409.</li>
 * </ul>
 */
class MessageRunLauncher {

	static final String SOURCE = "qstash";

	private static final Logger logger = LoggerFactory.getLogger(MessageRunLauncher.class);

	private final JobRunService jobRunService;

	MessageRunLauncher(JobRunService jobRunService) {
		this.jobRunService = jobRunService;
	}

	/**
	 * Runs (or looks up) the job for a message and waits for it to end.
	 * @param messageId the {@code Upstash-Message-Id}, or {@code null} when absent (then
	 * every request starts a new run)
	 * @return the summary of the run for this message, completed or failed
	 * @throws RunInProgressException when a run holds the run lease (answered 409)
	 */
	RunSummary run(@Nullable String messageId) {
		return run(messageId, SOURCE);
	}

	/**
	 * Runs (or looks up) the job for a message and waits for it to end.
	 * @param messageId the {@code Upstash-Message-Id}, or {@code null}
	 * @param source the trigger source recorded on a new run ({@value #SOURCE}, or
	 * {@code catch-up})
	 * @return the summary of the run for this message
	 * @throws RunInProgressException when a run holds the run lease (answered 409)
	 */
	RunSummary run(@Nullable String messageId, String source) {
		Optional<Long> previous = (messageId != null) ? this.jobRunService.findLatestExecutionForMessage(messageId)
				: Optional.empty();
		if (previous.isPresent()) {
			Optional<RunSummary> summary = this.jobRunService.summaryOf(previous.get());
			if (summary.isPresent()) {
				return redelivered(messageId, previous.get(), summary.get(), source);
			}
		}
		return this.jobRunService.startNewRun(new RunTrigger(source, messageId));
	}

	private RunSummary redelivered(String messageId, long jobExecutionId, RunSummary summary, String source) {
		if (summary.completed()) {
			logger.info("Message {} was already handled by job execution {}; answering with its summary", messageId,
					jobExecutionId);
			return summary;
		}
		// whatever its exit code: the run lease tells whether it is still running
		logger.info("Message {} was retried after job execution {} ended {}; restarting it", messageId, jobExecutionId,
				summary.exitStatus());
		try {
			return this.jobRunService.restart(jobExecutionId);
		}
		catch (JobExecutionNotFoundException ex) {
			return this.jobRunService.startNewRun(new RunTrigger(source, messageId));
		}
		catch (IllegalStateException ex) {
			// completed meanwhile, or abandoned by an operator: answer with the outcome
			// if there is one, else run anew for this message
			Optional<RunSummary> now = this.jobRunService.summaryOf(jobExecutionId).filter(RunSummary::completed);
			return now.orElseGet(() -> this.jobRunService.startNewRun(new RunTrigger(source, messageId)));
		}
	}

}
