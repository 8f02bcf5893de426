package ng.kinta.dedicatedaccounts.batch.run;

import java.time.LocalDateTime;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Marks job executions whose process is gone as {@code FAILED}, so they block nothing and
 * can be restarted. Called only by the holder of the run lease: while it holds the lease
 * no other run is alive anywhere, so every execution still marked running is an orphan.
 */
@Component
class ExecutionRecovery {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionRecovery.class);

	// exit codes Spring Batch gives an execution that has not ended
	private static final Set<String> UNFINISHED_EXIT_CODES = Set.of(ExitStatus.UNKNOWN.getExitCode(),
			ExitStatus.EXECUTING.getExitCode());

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	ExecutionRecovery(JobOperator jobOperator, JobRepository jobRepository) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
	}

	/**
	 * Marks a job execution, and its step executions still marked running, as failed.
	 * @param execution a job execution whose process is gone
	 * @param reason why, for its exit description
	 * @return the job execution as stored now
	 */
	JobExecution markFailed(JobExecution execution, String reason) {
		JobExecution recovered = execution.getStatus().isRunning() ? this.jobOperator.recover(execution) : execution;
		for (StepExecution step : recovered.getStepExecutions()) {
			// a manual fix in SQL may leave a step running under a failed job execution,
			// which Spring Batch then refuses to restart
			if (step.getStatus().isRunning()) {
				step.setStatus(BatchStatus.FAILED);
				step.setEndTime(LocalDateTime.now());
				this.jobRepository.update(step);
			}
		}
		if (UNFINISHED_EXIT_CODES.contains(recovered.getExitStatus().getExitCode())) {
			recovered.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
			if (recovered.getEndTime() == null) {
				recovered.setEndTime(LocalDateTime.now());
			}
			this.jobRepository.update(recovered);
		}
		return recovered;
	}

	/**
	 * Whether a job execution, or one of its steps, is still marked running.
	 * @param execution the job execution
	 * @return {@code true} when something in it never ended
	 */
	static boolean looksRunning(JobExecution execution) {
		return execution.getStatus().isRunning()
				|| execution.getStepExecutions().stream().anyMatch((step) -> step.getStatus().isRunning());
	}

	/**
	 * Recovers every execution marked running: called right after taking the run lease.
	 * @param history the job's history
	 */
	void recoverOrphans(RunHistory history) {
		for (JobExecution orphan : history.running()) {
			BatchStatus leftAs = orphan.getStatus();
			markFailed(orphan, "left running by a process that is gone");
			logger.warn("Job execution {} was left {} by a process that is gone; marked FAILED (restart it with "
					+ "`restart {}`)", orphan.getId(), leftAs, orphan.getId());
		}
	}

}
