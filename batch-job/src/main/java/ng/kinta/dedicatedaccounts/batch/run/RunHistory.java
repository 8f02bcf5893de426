package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import ng.kinta.dedicatedaccounts.batch.job.StepNames;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Reads the job's history from the job repository: executions, their summaries, the
 * execution of a message, the latest one to restart. Only history: which users are done
 * is known from MongoDB, never from here.
 */
@Component
class RunHistory {

	/**
	 * Job instances searched for a message's run: QStash retries within hours, not weeks.
	 */
	private static final int MESSAGE_LOOKUP_LIMIT = 100;

	private static final int HISTORY_SCAN_LIMIT = 500;

	private static final int CATCH_UP_SCAN_LIMIT = 200;

	private final JobRepository jobRepository;

	private final Job job;

	RunHistory(JobRepository jobRepository, Job createDedicatedAccountsJob) {
		this.jobRepository = jobRepository;
		this.job = createDedicatedAccountsJob;
	}

	/**
	 * A job execution of this job.
	 * @param jobExecutionId its id
	 * @return the job execution, with its step executions
	 * @throws JobExecutionNotFoundException when this job has no such execution
	 */
	JobExecution find(long jobExecutionId) {
		JobExecution execution = this.jobRepository.getJobExecution(jobExecutionId);
		if (execution == null || !this.job.getName().equals(execution.getJobInstance().getJobName())) {
			throw new JobExecutionNotFoundException("There is no job execution " + jobExecutionId);
		}
		return execution;
	}

	Optional<RunSummary> summaryOf(long jobExecutionId) {
		return Optional.ofNullable(this.jobRepository.getJobExecution(jobExecutionId)).map(RunSummaries::of);
	}

	/**
	 * The summary of a job execution as stored (the operator's copy of a finished
	 * execution lacks what listeners stored after its last update).
	 * @param execution the job execution
	 * @return its summary
	 */
	RunSummary summarize(JobExecution execution) {
		JobExecution stored = this.jobRepository.getJobExecution(execution.getId());
		return RunSummaries.of((stored != null) ? stored : execution);
	}

	Optional<Long> findLatestExecutionForMessage(String messageId) {
		return executions(MESSAGE_LOOKUP_LIMIT).stream()
			.filter((execution) -> messageId
				.equals(execution.getJobParameters().getString(RunContextKeys.TRIGGER_MESSAGE_ID)))
			.map(JobExecution::getId)
			.findFirst();
	}

	RunChain chainOf(long jobExecutionId) {
		JobExecution execution = find(jobExecutionId);
		ChainedCatchUp chained = null;
		// a restart is a new execution of the same instance: the parent is the instance
		for (JobExecution sibling : this.jobRepository.getJobExecutions(execution.getJobInstance())) {
			chained = catchUpOf(sibling);
			if (chained != null) {
				break;
			}
		}
		String circuit = execution.getExecutionContext().containsKey(RunContextKeys.CIRCUIT_OPENED)
				? execution.getExecutionContext().getString(RunContextKeys.CIRCUIT_OPENED) : null;
		return new RunChain(chained, circuit);
	}

	void recordCatchUp(long jobExecutionId, ChainedCatchUp catchUp) {
		JobExecution execution = find(jobExecutionId);
		ExecutionContext context = execution.getExecutionContext();
		context.putString(RunContextKeys.CATCH_UP_MESSAGE_ID, catchUp.messageId());
		context.putLong(RunContextKeys.CATCH_UP_DELAY_SECONDS, catchUp.delay().toSeconds());
		context.putLong(RunContextKeys.CATCH_UP_PUBLISHED_AT, catchUp.publishedAt().toEpochMilli());
		this.jobRepository.updateExecutionContext(execution);
	}

	/*
	 * Catch-ups are at most a few dozen a day beside eight scheduled runs: the newest job
	 * instances hold every one of the last day.
	 */
	long catchUpsPublishedSince(Instant since) {
		long since0 = since.toEpochMilli();
		return executions(CATCH_UP_SCAN_LIMIT).stream()
			.map(RunHistory::catchUpOf)
			.filter((catchUp) -> catchUp != null && catchUp.publishedAt().toEpochMilli() >= since0)
			.count();
	}

	Optional<ChainedCatchUp> latestCatchUp() {
		return executions(CATCH_UP_SCAN_LIMIT).stream()
			.map(RunHistory::catchUpOf)
			.filter(java.util.Objects::nonNull)
			.max(Comparator.comparing(ChainedCatchUp::publishedAt));
	}

	private static @Nullable ChainedCatchUp catchUpOf(JobExecution execution) {
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(RunContextKeys.CATCH_UP_MESSAGE_ID)) {
			return null;
		}
		return new ChainedCatchUp(context.getString(RunContextKeys.CATCH_UP_MESSAGE_ID),
				Duration.ofSeconds(context.getLong(RunContextKeys.CATCH_UP_DELAY_SECONDS, 0)),
				Instant.ofEpochMilli(context.getLong(RunContextKeys.CATCH_UP_PUBLISHED_AT, 0)));
	}

	// bounded by the count asked: the alerts ask on the job's thread at the end of every
	// run (a restart of an instance older than the newest count + 20 is not listed)
	List<JobExecutionView> recent(int count) {
		return executions(Math.min(HISTORY_SCAN_LIMIT, count + 20)).stream()
			.limit(count)
			.map(RunHistory::view)
			.toList();
	}

	/**
	 * The newest execution that can be restarted: the last execution of its job instance,
	 * neither running, completed nor abandoned, whatever its exit code.
	 * @return the job execution, or empty when there is none
	 */
	Optional<JobExecution> latestRestartable() {
		List<JobExecution> executions = executions(HISTORY_SCAN_LIMIT);
		Set<Long> seenInstances = new java.util.HashSet<>();
		for (JobExecution execution : executions) {
			if (!seenInstances.add(execution.getJobInstance().getInstanceId())) {
				continue;
			}
			BatchStatus status = execution.getStatus();
			if (!status.isRunning() && status != BatchStatus.COMPLETED && status != BatchStatus.ABANDONED) {
				return Optional.of(execution);
			}
		}
		return Optional.empty();
	}

	/**
	 * Executions of this job that the job repository marks as running.
	 * @return them, newest first
	 */
	List<JobExecution> running() {
		return this.jobRepository.findRunningJobExecutions(this.job.getName())
			.stream()
			.sorted(Comparator.comparingLong(JobExecution::getId).reversed())
			.toList();
	}

	/**
	 * Executions of the job, newest first (restarts included).
	 * @param instances how many of the newest job instances to look at
	 * @return their job executions
	 */
	private List<JobExecution> executions(int instances) {
		List<JobExecution> executions = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.getJobInstances(this.job.getName(), 0, instances)) {
			executions.addAll(this.jobRepository.getJobExecutions(instance));
		}
		executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
		return executions;
	}

	private static JobExecutionView view(JobExecution execution) {
		long read = 0;
		long written = 0;
		long skipped = 0;
		for (StepExecution step : execution.getStepExecutions()) {
			if (StepNames.PROVISION_ACCOUNTS.equals(step.getStepName())) {
				read = step.getReadCount();
				written = step.getWriteCount();
				skipped = step.getSkipCount();
			}
		}
		return new JobExecutionView(execution.getId(), execution.getJobInstance().getInstanceId(),
				execution.getStatus().name(), execution.getExitStatus().getExitCode(), execution.getStartTime(),
				execution.getEndTime(), read, written, skipped,
				execution.getJobParameters().getString(RunContextKeys.TRIGGER_SOURCE, ""));
	}

}
