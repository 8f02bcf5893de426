package ng.kinta.dedicatedaccounts.batch.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import ng.kinta.dedicatedaccounts.batch.logging.MdcTaskDecorator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends account emails on background mail threads, one per pooled relay connection
 * ({@link RelayConnections}, {@code app.mail.connections}), so that mail overlaps the
 * next chunk's Billstack calls instead of stopping them. Each batch is shared among the
 * connections, which send their parts at once. Callers hand over batches whose
 * {@code accounts} documents are written, and wait for the outbox to drain before their
 * step ends. Counts what was sent and what failed for good; one run at a time.
 */
@Component
public class MailOutbox implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MailOutbox.class);

	/** Batches waiting; beyond this the caller waits (back-pressure). */
	private static final int QUEUE_CAPACITY = 64;

	private final AccountNotifier notifier;

	private final MailRelayCircuit circuit;

	private final RelayConnections relay;

	private final ThreadPoolTaskExecutor executor;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private long reportedSent;

	private long reportedFailed;

	/** Batches handed over and not done yet. */
	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	private final Semaphore permits = new Semaphore(QUEUE_CAPACITY);

	MailOutbox(AccountNotifier notifier, MailRelayCircuit circuit, AccountEmailSender sender, RelayConnections relay) {
		this.notifier = notifier;
		this.circuit = circuit;
		this.relay = relay;
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setThreadNamePrefix("mail-");
		// the run's ids on the mail threads' log lines
		this.executor.setTaskDecorator(new MdcTaskDecorator());
		// one thread per connection: each part of a batch has a connection of its own
		this.executor.setCorePoolSize(relay.size());
		this.executor.setMaxPoolSize(relay.size());
		// back-pressure by the permits of submit(), never caller-runs: a part sent on the
		// writer's thread would stop its Billstack calls; room for the warm-up beyond
		// the permits
		this.executor.setQueueCapacity(QUEUE_CAPACITY * relay.size() + 1);
		// a stopped process still records what the relay accepted
		this.executor.setWaitForTasksToCompleteOnShutdown(true);
		this.executor.setAwaitTerminationSeconds(60);
		this.executor.initialize();
		// the templates and mail classes are prepared on a mail thread while the
		// application starts, not by the first batch of the first run
		this.executor.execute(sender::warmUp);
	}

	/**
	 * Starts a run: the relay gets a new chance and the counts start at zero.
	 */
	public synchronized void startRun() {
		this.circuit.reset();
		this.relay.startRun();
		this.sent.set(0);
		this.failed.set(0);
		this.reportedSent = 0;
		this.reportedFailed = 0;
	}

	/**
	 * Ends a run: once the batches queued so far are done, closes the connections to the
	 * relay (a run holds them open from its first batch to its end), waiting at most
	 * {@code timeout} for that.
	 * @param timeout longest wait
	 * @return {@code true} when the connections are closed, {@code false} when the wait
	 * timed out (they are closed once the last batch is done)
	 */
	public boolean endRun(Duration timeout) {
		if (this.executor.getThreadPoolExecutor().isShutdown()) {
			// the process is stopping: the mail threads take no more tasks
			this.relay.close();
			return true;
		}
		CompletableFuture<Void> closed = allInFlight().handle((done, ex) -> {
			this.relay.close();
			return null;
		});
		return awaitDone(closed, timeout);
	}

	/**
	 * Queues one batch, shared among the relay connections.
	 * @param emails emails whose accounts are written
	 * @param timeIsUp asked when a part's turn comes; {@code true} leaves it pending
	 * @return the batch's outcome once sent ({@link AccountNotifier.Outcome#NONE} when
	 * the circuit is open or time is up)
	 */
	public Future<AccountNotifier.Outcome> submit(List<PendingEmails.Pending> emails, BooleanSupplier timeIsUp) {
		List<List<PendingEmails.Pending>> parts = split(List.copyOf(emails), this.relay.size());
		// waits while QUEUE_CAPACITY batches are queued: the writer slows to the relay's
		// pace
		this.permits.acquireUninterruptibly();
		CompletableFuture<AccountNotifier.Outcome> batch;
		try {
			CompletableFuture<AccountNotifier.Outcome> sum = CompletableFuture
				.completedFuture(AccountNotifier.Outcome.NONE);
			for (List<PendingEmails.Pending> part : parts) {
				CompletableFuture<AccountNotifier.Outcome> sending = CompletableFuture
					.supplyAsync(() -> sendNow(part, timeIsUp), this.executor);
				sum = sum.thenCombine(sending, MailOutbox::add);
			}
			batch = sum;
		}
		catch (RuntimeException ex) {
			this.permits.release();
			throw ex;
		}
		this.inFlight.add(batch);
		batch.whenComplete((outcome, ex) -> {
			this.inFlight.remove(batch);
			this.permits.release();
		});
		return batch;
	}

	private static AccountNotifier.Outcome add(AccountNotifier.Outcome one, AccountNotifier.Outcome other) {
		return new AccountNotifier.Outcome(one.sent() + other.sent(), one.failed() + other.failed());
	}

	/*
	 * At most {@code count} parts of nearly equal size, in order.
	 */
	static <T> List<List<T>> split(List<T> items, int count) {
		int parts = Math.max(1, Math.min(count, items.size()));
		List<List<T>> result = new ArrayList<>(parts);
		int from = 0;
		for (int i = 0; i < parts; i++) {
			int size = (items.size() - from) / (parts - i);
			result.add(items.subList(from, from + size));
			from += size;
		}
		return result;
	}

	private AccountNotifier.Outcome sendNow(List<PendingEmails.Pending> batch, BooleanSupplier timeIsUp) {
		if (timeIsUp.getAsBoolean()) {
			return AccountNotifier.Outcome.NONE;
		}
		try {
			AccountNotifier.Outcome outcome = this.notifier.send(batch);
			this.sent.addAndGet(outcome.sent());
			this.failed.addAndGet(outcome.failed());
			return outcome;
		}
		catch (RuntimeException ex) {
			// e.g. MongoDB down while recording: the emails stay pending (a later run may
			// send one twice, which is accepted; losing one is not)
			logger.warn("Account emails of {} users left pending: {}", batch.size(), ex.getClass().getSimpleName());
			return AccountNotifier.Outcome.NONE;
		}
	}

	/**
	 * Waits until every batch queued so far is done.
	 * @param timeout longest wait
	 * @return {@code true} when drained, {@code false} when the wait timed out
	 */
	public boolean awaitIdle(Duration timeout) {
		return awaitDone(allInFlight(), timeout);
	}

	private CompletableFuture<Void> allInFlight() {
		return CompletableFuture.allOf(this.inFlight.toArray(CompletableFuture[]::new));
	}

	/**
	 * Waits for a batch handed to the outbox.
	 * @param batch the batch's future, from {@link #submit}
	 * @param timeout longest wait
	 * @return {@code true} when the batch is done (sent, or failed and recorded),
	 * {@code false} when the wait timed out or was interrupted
	 */
	public static boolean awaitDone(Future<?> batch, Duration timeout) {
		try {
			batch.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * What was done since the last call in this run, so that each step counts every email
	 * once, including batches an earlier step left in flight.
	 * @return emails sent and emails failed for good since the last call
	 */
	public synchronized AccountNotifier.Outcome takeCounts() {
		long sentNow = this.sent.get();
		long failedNow = this.failed.get();
		AccountNotifier.Outcome counts = new AccountNotifier.Outcome((int) (sentNow - this.reportedSent),
				(int) (failedNow - this.reportedFailed));
		this.reportedSent = sentNow;
		this.reportedFailed = failedNow;
		return counts;
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
