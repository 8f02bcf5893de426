package ng.kinta.dedicatedaccounts.batch.notification;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Whether this run still sends mail. The first relay-level failure (no connection, no
 * greeting, login refused, 421/452/454) opens it for the rest of the run: the remaining
 * emails stay pending for the next run, and one ERROR line names the cause.
 * <p>
 * A plain run-scoped flag rather than a generic circuit breaker (resilience4j's
 * half-opens after a wait and counts failure rates over a window): the decision the job
 * needs is once per run, reset when the next run starts, and a run is short; a probe in
 * the middle of a run would only cost another timeout.
 */
@Component
public class MailRelayCircuit {

	private static final Logger logger = LoggerFactory.getLogger(MailRelayCircuit.class);

	private final AtomicReference<String> cause = new AtomicReference<>();

	/** Closes the circuit: a new run tries the relay again. */
	public void reset() {
		this.cause.set(null);
	}

	/**
	 * Whether the relay failed in this run.
	 * @return {@code true} once a relay-level failure was seen
	 */
	public boolean isOpen() {
		return this.cause.get() != null;
	}

	/**
	 * Opens the circuit; only the first call of a run logs.
	 * @param reason the relay-level failure, without personal data
	 */
	void open(String reason) {
		if (this.cause.compareAndSet(null, reason)) {
			logger.error("Mail relay failed: {}; no more emails in this run, they stay pending for the next run",
					reason);
		}
	}

}
