package ng.kinta.dedicatedaccounts.batch.billstack;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * The one door of every Billstack request in this process: a request is sent only while
 * the gate is open and the run's lease fence holds, and the gate counts the requests in
 * flight so that the end of a run (a failed chunk, a stop, a lost lease) can wait for
 * their answers before the lease is released. Nothing is interrupted under a call.
 */
@Component
public class RequestGate {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition idle = this.lock.newCondition();

	private int inFlight;

	private boolean open = true;

	private BooleanSupplier fence = () -> true;

	/**
	 * Opens the gate for a run.
	 * @param leaseFence answers whether the run's lease is still safely held (its last
	 * successful renewal is recent enough); asked before every request
	 */
	public void open(BooleanSupplier leaseFence) {
		this.lock.lock();
		try {
			this.fence = leaseFence;
			this.open = true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Lets one request through, if the gate is open and the fence holds; the caller must
	 * call {@link #leave()} once the answer (or the failure) is in.
	 * @return whether the request may be sent
	 */
	public boolean tryEnter() {
		this.lock.lock();
		try {
			if (!this.open || !this.fence.getAsBoolean()) {
				return false;
			}
			this.inFlight++;
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The request let through by {@link #tryEnter()} has its answer. */
	public void leave() {
		this.lock.lock();
		try {
			this.inFlight--;
			if (this.inFlight == 0) {
				this.idle.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether a request would be let through now.
	 * @return {@code true} while open and the fence holds
	 */
	public boolean isOpen() {
		this.lock.lock();
		try {
			return this.open && this.fence.getAsBoolean();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Closes the gate (no further request is let through) and waits for the requests in
	 * flight to get their answers.
	 * @param timeout the longest wait (read timeout × attempts, a request's worst case)
	 * @return the requests still in flight when the wait ended (0 when all answered)
	 */
	public int closeAndAwaitIdle(Duration timeout) {
		this.lock.lock();
		try {
			this.open = false;
			long nanos = timeout.toNanos();
			while (this.inFlight > 0 && nanos > 0) {
				nanos = this.idle.awaitNanos(nanos);
			}
			return this.inFlight;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.inFlight;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Requests in flight now.
	 * @return the count
	 */
	public int inFlight() {
		this.lock.lock();
		try {
			return this.inFlight;
		}
		finally {
			this.lock.unlock();
		}
	}

}
