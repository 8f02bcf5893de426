package ng.kinta.dedicatedaccounts.trigger.function;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ng.kinta.dedicatedaccounts.batch.run.ChainedCatchUp;
import ng.kinta.dedicatedaccounts.batch.run.JobExecutionNotFoundException;
import ng.kinta.dedicatedaccounts.batch.run.JobExecutionView;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunChain;
import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;

/**
 * A recording {@link JobRunService}: one run at a time (a second caller gets
 * {@link RunInProgressException}), executions remembered per message id, outcome of the
 * next run chosen by the test, and an optional latch that keeps a run "in progress" until
 * the test releases it.
 */
class FakeJobRunService implements JobRunService {

	final List<RunTrigger> starts = new CopyOnWriteArrayList<>();

	final List<Long> restarts = new CopyOnWriteArrayList<>();

	final Map<Long, RunSummary> executions = new ConcurrentHashMap<>();

	final Map<String, Long> latestByMessage = new ConcurrentHashMap<>();

	final Map<Long, ChainedCatchUp> catchUps = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(100);

	private final AtomicBoolean running = new AtomicBoolean();

	volatile boolean nextRunFails;

	/** Thrown by the next look-up, as an unexpected failure of the job repository. */
	volatile RuntimeException nextCallThrows;

	/** Another process holds the run lease: every launch and restart is refused. */
	volatile boolean leaseHeldElsewhere;

	/** Counted down when a run has started (holds the lock). */
	volatile CountDownLatch started;

	/** Awaited by a running run before it ends. */
	volatile CountDownLatch release;

	@Override
	public RunSummary startNewRun(RunTrigger trigger) {
		lock();
		try {
			long id = this.ids.incrementAndGet();
			this.starts.add(trigger);
			if (trigger.messageId() != null) {
				this.latestByMessage.put(trigger.messageId(), id);
			}
			return execute(id);
		}
		finally {
			this.running.set(false);
		}
	}

	@Override
	public RunSummary restart(long jobExecutionId) {
		lock();
		try {
			RunSummary previous = this.executions.get(jobExecutionId);
			if (previous == null) {
				throw new JobExecutionNotFoundException("No job execution " + jobExecutionId);
			}
			long id = this.ids.incrementAndGet();
			this.restarts.add(jobExecutionId);
			this.latestByMessage.replaceAll((message, latest) -> (latest == jobExecutionId) ? id : latest);
			return execute(id);
		}
		finally {
			this.running.set(false);
		}
	}

	private void lock() {
		if (this.leaseHeldElsewhere || !this.running.compareAndSet(false, true)) {
			throw new RunInProgressException(null, "another run of the job is in progress");
		}
	}

	private RunSummary execute(long id) {
		this.executions.put(id, summary(id, "UNKNOWN"));
		if (this.started != null) {
			this.started.countDown();
		}
		if (this.release != null) {
			try {
				if (!this.release.await(10, TimeUnit.SECONDS)) {
					throw new IllegalStateException("test never released the run");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		RunSummary summary = this.nextRunFails ? summary(id, "FAILED") : summary(id, "COMPLETED");
		this.executions.put(id, summary);
		return summary;
	}

	static RunSummary summary(long id, String exitStatus) {
		String status = "COMPLETED".equals(exitStatus) ? RunSummary.OK : RunSummary.ERROR;
		return new RunSummary(status, "Run " + id + " ended " + exitStatus, id, exitStatus,
				new RunSummary.Counts(3, 2, 1, 2, 0, 0, 2, 0));
	}

	@Override
	public Optional<RunSummary> summaryOf(long jobExecutionId) {
		return Optional.ofNullable(this.executions.get(jobExecutionId));
	}

	@Override
	public Optional<Long> findLatestExecutionForMessage(String messageId) {
		RuntimeException failure = this.nextCallThrows;
		if (failure != null) {
			this.nextCallThrows = null;
			throw failure;
		}
		return Optional.ofNullable(this.latestByMessage.get(messageId));
	}

	@Override
	public RunSummary restartLatestFailed() {
		throw new UnsupportedOperationException();
	}

	@Override
	public RunSummary recover(long jobExecutionId) {
		throw new UnsupportedOperationException();
	}

	@Override
	public List<JobExecutionView> recentExecutions(int count) {
		return List.of();
	}

	@Override
	public RunChain chainOf(long jobExecutionId) {
		return new RunChain(this.catchUps.get(jobExecutionId), null);
	}

	@Override
	public void recordCatchUp(long jobExecutionId, ChainedCatchUp catchUp) {
		this.catchUps.put(jobExecutionId, catchUp);
	}

	@Override
	public long catchUpsPublishedSince(Instant since) {
		return this.catchUps.values().stream().filter((catchUp) -> !catchUp.publishedAt().isBefore(since)).count();
	}

	@Override
	public Optional<ChainedCatchUp> latestCatchUp() {
		return this.catchUps.values().stream().max(java.util.Comparator.comparing(ChainedCatchUp::publishedAt));
	}

}
