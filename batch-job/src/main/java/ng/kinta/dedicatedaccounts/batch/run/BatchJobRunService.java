package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackProperties;
import ng.kinta.dedicatedaccounts.batch.billstack.RequestGate;
import ng.kinta.dedicatedaccounts.batch.job.GracefulStop;
import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import ng.kinta.dedicatedaccounts.batch.job.RunStarted;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * {@link JobRunService} on Spring Batch: every launch, restart and recovery happens while
 * holding the {@link RunLease} in MongoDB, so runs are one at a time across every host
 * sharing that MongoDB, whatever job repository each one uses. A new run is a
 * {@link JobLaunchRequest} message handled by Spring Batch Integration's
 * {@code JobLaunchingGateway} ({@link JobLaunches}); restarts go to the
 * {@link JobOperator}.
 */
@Service
class BatchJobRunService implements JobRunService {

	private static final Logger logger = LoggerFactory.getLogger(BatchJobRunService.class);

	private final JobOperator jobOperator;

	private final JobLaunches jobLaunches;

	private final Job job;

	private final RunLease lease;

	private final RunHistory history;

	private final ExecutionRecovery recovery;

	private final GracefulStop gracefulStop;

	private final RunProperties properties;

	private final RequestGate requestGate;

	private final BillstackProperties billstack;

	private volatile @Nullable LeaseHolder currentHolder;

	BatchJobRunService(JobOperator jobOperator, JobLaunches jobLaunches, Job createDedicatedAccountsJob, RunLease lease,
			RunHistory history, ExecutionRecovery recovery, GracefulStop gracefulStop, RunProperties properties,
			RequestGate requestGate, BillstackProperties billstack) {
		this.requestGate = requestGate;
		this.billstack = billstack;
		this.jobOperator = jobOperator;
		this.jobLaunches = jobLaunches;
		this.job = createDedicatedAccountsJob;
		this.lease = lease;
		this.history = history;
		this.recovery = recovery;
		this.gracefulStop = gracefulStop;
		this.properties = properties;
	}

	@Override
	public RunSummary startNewRun(RunTrigger trigger) {
		return whileHoldingLease("new run", () -> {
			// unique across hosts and job repositories: a local counter is not
			JobParametersBuilder parameters = new JobParametersBuilder()
				.addString(RunContextKeys.CLAIM_TOKEN, new ObjectId().toHexString())
				.addString(RunContextKeys.TRIGGER_SOURCE, trigger.source(), false);
			if (trigger.messageId() != null) {
				parameters.addString(RunContextKeys.TRIGGER_MESSAGE_ID, trigger.messageId(), false);
			}
			JobLaunchRequest request = new JobLaunchRequest(this.job, parameters.toJobParameters());
			return this.history.summarize(launch(() -> this.jobLaunches.launch(request)));
		});
	}

	@Override
	public RunSummary restart(long jobExecutionId) {
		return whileHoldingLease("restart of " + jobExecutionId, () -> {
			JobExecution execution = this.history.find(jobExecutionId);
			if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
				throw new IllegalStateException("Job execution " + jobExecutionId + " is " + execution.getStatus()
						+ " and cannot be restarted");
			}
			// whatever its exit code: a step left running would make Spring Batch refuse
			JobExecution restartable = this.recovery.markFailed(execution, "restarted");
			return this.history.summarize(launch(() -> this.jobOperator.restart(restartable)));
		});
	}

	@Override
	public RunSummary restartLatestFailed() {
		JobExecution latest = this.history.latestRestartable()
			.orElseThrow(
					() -> new JobExecutionNotFoundException("There is no failed or stopped job execution to restart"));
		return restart(latest.getId());
	}

	@Override
	public RunSummary recover(long jobExecutionId) {
		JobExecution execution = this.history.find(jobExecutionId);
		if (!ExecutionRecovery.looksRunning(execution)) {
			throw new IllegalStateException("Job execution " + jobExecutionId + " is " + execution.getStatus()
					+ ", not running: nothing to recover");
		}
		try {
			return whileHoldingLease("recover of " + jobExecutionId, () -> {
				// taking the lease recovered every orphan, this one included
				JobExecution recovered = this.recovery.markFailed(this.history.find(jobExecutionId),
						"recovered after the process running it stopped");
				logger.warn("Job execution {} marked FAILED by recover; restart it with `restart {}`", jobExecutionId,
						jobExecutionId);
				return RunSummaries.of(recovered);
			});
		}
		catch (RunInProgressException ex) {
			throw new IllegalStateException("Job execution " + jobExecutionId + " may still be running: "
					+ ex.getMessage() + " Recover only an execution whose process has stopped.", ex);
		}
	}

	@Override
	public Optional<RunSummary> summaryOf(long jobExecutionId) {
		return this.history.summaryOf(jobExecutionId);
	}

	@Override
	public Optional<Long> findLatestExecutionForMessage(String messageId) {
		return this.history.findLatestExecutionForMessage(messageId);
	}

	@Override
	public RunChain chainOf(long jobExecutionId) {
		return this.history.chainOf(jobExecutionId);
	}

	@Override
	public void recordCatchUp(long jobExecutionId, ChainedCatchUp catchUp) {
		this.history.recordCatchUp(jobExecutionId, catchUp);
	}

	@Override
	public long catchUpsPublishedSince(Instant since) {
		return this.history.catchUpsPublishedSince(since);
	}

	@Override
	public Optional<ChainedCatchUp> latestCatchUp() {
		return this.history.latestCatchUp();
	}

	@Override
	public List<JobExecutionView> recentExecutions(int count) {
		return this.history.recent(count);
	}

	private <T> T whileHoldingLease(String purpose, Supplier<T> action) {
		LeaseHolder holder = LeaseHolder.thisProcess(purpose);
		long acquisitionSentAt = System.nanoTime();
		if (!this.lease.tryAcquire(holder)) {
			throw inProgress();
		}
		LeaseFence fence = new LeaseFence(this.properties.leaseDuration(), acquisitionSentAt);
		this.gracefulStop.runStarting();
		this.requestGate.open(fence::holds);
		this.currentHolder = holder;
		ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "run-lease-renewal");
			thread.setDaemon(true);
			return thread;
		});
		try {
			long period = Math.max(this.properties.leaseDuration().toMillis() / 4, 1);
			renewal.scheduleWithFixedDelay(() -> renew(holder, fence), period, period, TimeUnit.MILLISECONDS);
			this.recovery.recoverOrphans(this.history);
			return action.get();
		}
		finally {
			// a failed chunk, a stop or a lost lease: no further request, and the lease
			// is kept (renewed) until every request in flight has its answer recorded
			int stillInFlight = this.requestGate.closeAndAwaitIdle(inFlightBound());
			if (stillInFlight > 0) {
				logger.error("{} Billstack requests still in flight after {}; a later run settles their users"
						+ " as unknown outcomes", stillInFlight, inFlightBound());
			}
			// let a renewal in progress finish rather than interrupt the driver
			renewal.shutdown();
			awaitQuietly(renewal);
			this.currentHolder = null;
			this.lease.release(holder);
			this.gracefulStop.runEnded();
		}
	}

	/*
	 * The worst case of one request in flight once the gate is closed (no retry starts
	 * then): a connection plus a full read timeout, and a margin for recording the answer
	 * (the record write's attempts).
	 */
	private Duration inFlightBound() {
		return this.billstack.connectTimeout().plus(this.billstack.readTimeout()).plus(Duration.ofSeconds(5));
	}

	/**
	 * Names the job execution on the run lease, once, when the run's first step starts.
	 * @param started the event
	 */
	@EventListener
	void onRunStarted(RunStarted started) {
		LeaseHolder holder = this.currentHolder;
		if (holder != null && !this.lease.recordJobExecution(holder, started.jobExecutionId())) {
			this.gracefulStop.request();
			throw new IllegalStateException("This process no longer holds the run lease");
		}
	}

	private void renew(LeaseHolder holder, LeaseFence fence) {
		long sentAt = System.nanoTime();
		try {
			if (this.lease.renew(holder)) {
				fence.renewed(sentAt);
				return;
			}
			// another process took the lapsed lease and may be running: stop taking users
			logger.error("Lost the run lease ({}); stopping this run so that two runs never overlap",
					holder.describe());
			this.gracefulStop.request();
		}
		catch (RuntimeException ex) {
			// the fence, not this error, decides: requests stop once the last good
			// renewal is too old
			logger.warn("Could not renew the run lease: {}", ex.getClass().getSimpleName());
			if (!fence.holds()) {
				logger.error("Run lease not renewed for three quarters of its duration: this run sends no further"
						+ " Billstack request and stops");
				this.gracefulStop.request();
			}
		}
	}

	private RunInProgressException inProgress() {
		Optional<RunLease.State> state = this.lease.current();
		if (state.isEmpty()) {
			return new RunInProgressException(null, "Another run is starting; try again in a moment.",
					Duration.ofSeconds(1));
		}
		RunLease.State current = state.get();
		// the lease names its job execution from its first renewal on; until then, a
		// running execution in a shared job repository is the holder's
		Long jobExecutionId = (current.jobExecutionId() != null) ? current.jobExecutionId()
				: this.history.running().stream().findFirst().map(JobExecution::getId).orElse(null);
		String execution = (jobExecutionId != null) ? ", job execution " + jobExecutionId : "";
		Duration untilLapse = Duration.between(this.lease.serverTime(), current.expiresAt());
		return new RunInProgressException(jobExecutionId,
				"Another run is in progress: " + current.holder().describe() + execution + "; its lease lapses at "
						+ current.expiresAt() + " unless renewed.",
				(untilLapse.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : untilLapse);
	}

	private static void awaitQuietly(ScheduledExecutorService executor) {
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private JobExecution launch(CheckedLaunch launch) {
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
