package ng.kinta.dedicatedaccounts.batch.run;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * {@link JobRunService} on Spring Batch's {@link JobOperator} and the JDBC job
 * repository, with {@link RunLock} keeping runs one at a time across processes.
 */
@Service
class BatchJobRunService implements JobRunService {

	private static final Logger logger = LoggerFactory.getLogger(BatchJobRunService.class);

	/** How often the process holding the run lock shows it is alive. */
	private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

	/** A run lock without heartbeat for this long was left behind by a dead process. */
	static final Duration LOCK_STALE_AFTER = Duration.ofSeconds(90);

	/**
	 * Job instances searched for a message's run: QStash retries within hours, not weeks.
	 */
	private static final int MESSAGE_LOOKUP_LIMIT = 100;

	private static final int HISTORY_SCAN_LIMIT = 500;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final RunLock runLock;

	private final Clock clock;

	BatchJobRunService(JobOperator jobOperator, JobRepository jobRepository, Job createDedicatedAccountsJob,
			RunLock runLock, Clock clock) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = createDedicatedAccountsJob;
		this.runLock = runLock;
		this.clock = clock;
	}

	@Override
	public RunSummary startNewRun(RunTrigger trigger) {
		return exclusively("new run", () -> {
			JobParametersBuilder parameters = new JobParametersBuilder().addLong(RunContextKeys.RUN_ID, nextRunId())
				.addString(RunContextKeys.TRIGGER_SOURCE, trigger.source(), false);
			if (trigger.messageId() != null) {
				parameters.addString(RunContextKeys.TRIGGER_MESSAGE_ID, trigger.messageId(), false);
			}
			JobExecution execution = launch(() -> this.jobOperator.start(this.job, parameters.toJobParameters()));
			return summarize(execution);
		});
	}

	@Override
	public RunSummary restart(long jobExecutionId) {
		return exclusively("restart of " + jobExecutionId, () -> {
			JobExecution failed = findExecution(jobExecutionId);
			if (failed.getStatus() == BatchStatus.COMPLETED || failed.getStatus() == BatchStatus.ABANDONED) {
				throw new IllegalStateException(
						"Job execution " + jobExecutionId + " is " + failed.getStatus() + " and cannot be restarted");
			}
			JobExecution execution = launch(() -> this.jobOperator.restart(failed));
			return summarize(execution);
		});
	}

	@Override
	public RunSummary restartLatestFailed() {
		JobExecution latestFailed = allExecutions().stream()
			.filter((execution) -> execution.getStatus() == BatchStatus.FAILED
					|| execution.getStatus() == BatchStatus.STOPPED)
			.findFirst()
			.orElseThrow(() -> new JobExecutionNotFoundException("There is no failed job execution to restart"));
		return restart(latestFailed.getId());
	}

	@Override
	public RunSummary recover(long jobExecutionId) {
		JobExecution execution = findExecution(jobExecutionId);
		if (!execution.getStatus().isRunning()) {
			throw new IllegalStateException("Job execution " + jobExecutionId + " is " + execution.getStatus()
					+ ", not running: nothing to recover");
		}
		Optional<Instant> heartbeat = this.runLock.lastHeartbeat();
		if (heartbeat.isPresent() && heartbeat.get().isAfter(this.clock.instant().minus(LOCK_STALE_AFTER))) {
			throw new IllegalStateException("Job execution " + jobExecutionId
					+ " may still be running: the process holding the run lock reported at " + heartbeat.get()
					+ ". Recover only an execution whose process has stopped (its lock goes stale "
					+ LOCK_STALE_AFTER.toSeconds() + " s after it stops).");
		}
		JobExecution recovered = this.jobOperator.recover(execution);
		// the operator leaves the exit status of a crashed run UNKNOWN, which reads as
		// "running"
		recovered.setExitStatus(ExitStatus.FAILED.addExitDescription("recovered after the process running it stopped"));
		this.jobRepository.update(recovered);
		this.runLock.releaseIfStale(LOCK_STALE_AFTER);
		logger.warn("Job execution {} marked FAILED by recover; restart it with `restart {}`", jobExecutionId,
				jobExecutionId);
		return RunSummaries.of(recovered);
	}

	@Override
	public Optional<RunSummary> summaryOf(long jobExecutionId) {
		return Optional.ofNullable(this.jobRepository.getJobExecution(jobExecutionId)).map(RunSummaries::of);
	}

	@Override
	public Optional<Long> findLatestExecutionForMessage(String messageId) {
		return executions(MESSAGE_LOOKUP_LIMIT).stream()
			.filter((execution) -> messageId
				.equals(execution.getJobParameters().getString(RunContextKeys.TRIGGER_MESSAGE_ID)))
			.map(JobExecution::getId)
			.findFirst();
	}

	@Override
	public List<JobExecutionView> recentExecutions(int count) {
		return allExecutions().stream().limit(count).map(BatchJobRunService::view).toList();
	}

	private static JobExecutionView view(JobExecution execution) {
		long read = 0;
		long written = 0;
		long skipped = 0;
		for (StepExecution step : execution.getStepExecutions()) {
			if (RunSummaries.PROVISION_STEP.equals(step.getStepName())) {
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

	/** Executions of the job, newest first (restarts included). */
	private List<JobExecution> allExecutions() {
		return executions(HISTORY_SCAN_LIMIT);
	}

	private List<JobExecution> executions(int instances) {
		List<JobExecution> executions = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.getJobInstances(this.job.getName(), 0, instances)) {
			executions.addAll(this.jobRepository.getJobExecutions(instance));
		}
		executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
		return executions;
	}

	private long nextRunId() {
		JobInstance last = this.jobRepository.getLastJobInstance(this.job.getName());
		if (last == null) {
			return 1;
		}
		long highest = 0;
		for (JobExecution execution : this.jobRepository.getJobExecutions(last)) {
			Long runId = execution.getJobParameters().getLong(RunContextKeys.RUN_ID);
			highest = Math.max(highest, (runId != null) ? runId : 0);
		}
		return Math.max(highest, last.getInstanceId()) + 1;
	}

	private JobExecution findExecution(long jobExecutionId) {
		JobExecution execution = this.jobRepository.getJobExecution(jobExecutionId);
		if (execution == null || !this.job.getName().equals(execution.getJobInstance().getJobName())) {
			throw new JobExecutionNotFoundException("There is no job execution " + jobExecutionId);
		}
		return execution;
	}

	private RunSummary summarize(JobExecution execution) {
		// the operator's copy lacks what listeners stored after the last update: re-read
		// it
		JobExecution stored = this.jobRepository.getJobExecution(execution.getId());
		return RunSummaries.of((stored != null) ? stored : execution);
	}

	private <T> T exclusively(String purpose, Supplier<T> action) {
		String holder = purpose + " by process " + ManagementFactory.getRuntimeMXBean().getName() + " ("
				+ UUID.randomUUID() + ")";
		if (!this.runLock.tryAcquire(holder)) {
			Set<JobExecution> running = this.jobRepository.findRunningJobExecutions(this.job.getName());
			if (!running.isEmpty() || !this.runLock.tryTakeOver(holder, LOCK_STALE_AFTER)) {
				throw inProgress(running);
			}
			logger.warn("Took over a run lock left behind by a stopped process");
		}
		ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "run-lock-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		try {
			heartbeat.scheduleAtFixedRate(() -> beat(holder), HEARTBEAT_INTERVAL.toMillis(),
					HEARTBEAT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			Set<JobExecution> running = this.jobRepository.findRunningJobExecutions(this.job.getName());
			if (!running.isEmpty()) {
				throw inProgress(running);
			}
			return action.get();
		}
		finally {
			// let a beat in progress finish its update rather than interrupt JDBC
			heartbeat.shutdown();
			awaitQuietly(heartbeat);
			this.runLock.release(holder);
		}
	}

	private static void awaitQuietly(ScheduledExecutorService executor) {
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void beat(String holder) {
		try {
			if (!this.runLock.heartbeat(holder)) {
				logger.warn("This process no longer holds the run lock; another process may start a run");
			}
		}
		catch (RuntimeException ex) {
			// a missed beat only matters after LOCK_STALE_AFTER; the next one may succeed
			logger.warn("Could not refresh the run lock's heartbeat: {}", ex.getClass().getSimpleName());
		}
	}

	private RunInProgressException inProgress(Set<JobExecution> running) {
		Optional<JobExecution> execution = running.stream().max(Comparator.comparingLong(JobExecution::getId));
		if (execution.isEmpty()) {
			return new RunInProgressException(null,
					"Another run is starting (" + this.runLock.holder().orElse("unknown holder") + ")");
		}
		long id = execution.get().getId();
		return new RunInProgressException(id,
				"Another run is in progress: job execution " + id + " started at " + execution.get().getStartTime()
						+ ". If no process is running it any more, mark it failed with `recover " + id + "`.");
	}

	private static JobExecution launch(CheckedLaunch launch) {
		try {
			return launch.run();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not launch the job: " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface CheckedLaunch {

		JobExecution run() throws Exception;

	}

}
