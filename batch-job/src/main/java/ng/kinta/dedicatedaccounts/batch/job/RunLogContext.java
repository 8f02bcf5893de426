package ng.kinta.dedicatedaccounts.batch.job;

import java.util.LinkedHashMap;
import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.logging.MdcTaskDecorator;
import org.slf4j.MDC;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.task.TaskDecorator;

/**
 * Puts the run's identity into the logging MDC for every line logged while it runs: the
 * job execution id, who triggered it and the triggering message's id. Structured logs
 * ({@code logging.structured.format.console=ecs|logstash}) carry them as fields; the
 * billstack worker threads get them through {@link #taskDecorator()}. A value the caller
 * had put in the MDC before the run is restored when the run ends.
 */
public final class RunLogContext implements JobExecutionListener {

	/** MDC key: the job execution id. */
	public static final String JOB_EXECUTION_ID = "jobExecutionId";

	/** MDC key: who asked for the run ({@code cli}, {@code qstash}). */
	public static final String TRIGGER_SOURCE = "triggerSource";

	/**
	 * MDC key: the id of the message that asked for the run ({@code Upstash-Message-Id}).
	 */
	public static final String MESSAGE_ID = "messageId";

	// the launching thread runs the whole job (synchronous operator)
	private final ThreadLocal<Map<String, String>> previous = new ThreadLocal<>();

	@Override
	public void beforeJob(JobExecution jobExecution) {
		Map<String, String> saved = new LinkedHashMap<>();
		put(saved, JOB_EXECUTION_ID, String.valueOf(jobExecution.getId()));
		put(saved, TRIGGER_SOURCE, jobExecution.getJobParameters().getString(RunContextKeys.TRIGGER_SOURCE));
		put(saved, MESSAGE_ID, jobExecution.getJobParameters().getString(RunContextKeys.TRIGGER_MESSAGE_ID));
		this.previous.set(saved);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		Map<String, String> saved = this.previous.get();
		this.previous.remove();
		if (saved == null) {
			return;
		}
		saved.forEach((key, value) -> {
			if (value != null) {
				MDC.put(key, value);
			}
			else {
				MDC.remove(key);
			}
		});
	}

	private static void put(Map<String, String> saved, String key, String value) {
		saved.put(key, MDC.get(key));
		if (value != null) {
			MDC.put(key, value);
		}
	}

	/**
	 * Copies the submitting thread's MDC to the task's thread for the task's duration.
	 * @return the decorator, for the executor that processes items concurrently
	 */
	public static TaskDecorator taskDecorator() {
		return new MdcTaskDecorator();
	}

}
