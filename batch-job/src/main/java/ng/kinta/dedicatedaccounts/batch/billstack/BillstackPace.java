package ng.kinta.dedicatedaccounts.batch.billstack;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ConcurrencyThrottleSupport;

/**
 * How many Billstack requests may be in flight at once, shared by every thread of a run.
 * The limiting itself is Spring Framework's {@link ConcurrencyThrottleSupport} (callers
 * beyond the limit block until a request ends); this class only moves the limit: halved
 * on each throttling answer (at least one request), raised by one after each success, up
 * to the configured concurrency. So a 429 storm slows the whole run down instead of each
 * thread retrying at full speed, and the run regains its pace once Billstack lets it.
 */
public class BillstackPace extends ConcurrencyThrottleSupport {

	private static final Logger logger = LoggerFactory.getLogger(BillstackPace.class);

	private final int maxInFlight;

	private final AtomicLong throttles = new AtomicLong();

	/**
	 * A pace starting at full speed.
	 * @param maxInFlight most requests in flight at once (at least 1)
	 * @throws IllegalArgumentException when {@code maxInFlight} is below 1
	 */
	public BillstackPace(int maxInFlight) {
		if (maxInFlight < 1) {
			throw new IllegalArgumentException("maxInFlight must be at least 1");
		}
		this.maxInFlight = maxInFlight;
		setConcurrencyLimit(maxInFlight);
	}

	/**
	 * Runs one request once the limit allows it.
	 * @param <T> the request's result
	 * @param request the request
	 * @return its result
	 */
	<T> T call(Supplier<T> request) {
		beforeAccess();
		try {
			return request.get();
		}
		finally {
			afterAccess();
		}
	}

	/**
	 * How many times Billstack throttled us since this process started; a run compares
	 * the count at its end with the one at its start.
	 * @return the count of throttling answers
	 */
	public long throttleCount() {
		return this.throttles.get();
	}

	/** Billstack throttled us: halve the requests in flight. */
	synchronized void slowDown() {
		this.throttles.incrementAndGet();
		int limit = Math.max(1, getConcurrencyLimit() / 2);
		if (limit < getConcurrencyLimit()) {
			logger.info("Billstack asks us to slow down: at most {} requests in flight", limit);
		}
		setConcurrencyLimit(limit);
	}

	/**
	 * A request succeeded: allow one more in flight, up to the configured concurrency.
	 */
	synchronized void speedUp() {
		if (getConcurrencyLimit() < this.maxInFlight) {
			setConcurrencyLimit(getConcurrencyLimit() + 1);
		}
	}

}
