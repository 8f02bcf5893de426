package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Duration;

/**
 * The holder's own check that it still holds the run lease, whatever MongoDB or the job
 * repository answers: the lease holds while its last successful renewal is younger than
 * the lease duration minus a safety margin (a quarter of it). Measured on this process's
 * monotonic clock from the moment the renewal was sent, so a frozen process (a GC pause,
 * a suspended VM) that wakes finds its fence closed before anyone else could have taken
 * the lapsed lease.
 */
final class LeaseFence {

	private final long safeNanos;

	private volatile long lastRenewalSentAt;

	/**
	 * A fence for a lease just taken.
	 * @param leaseDuration the lease duration
	 * @param acquisitionSentAt {@link System#nanoTime()} when the acquiring request was
	 * sent
	 */
	LeaseFence(Duration leaseDuration, long acquisitionSentAt) {
		this.safeNanos = leaseDuration.toNanos() * 3 / 4;
		this.lastRenewalSentAt = acquisitionSentAt;
	}

	/**
	 * Records a successful renewal.
	 * @param sentAt {@link System#nanoTime()} when the renewal was sent
	 */
	void renewed(long sentAt) {
		this.lastRenewalSentAt = sentAt;
	}

	/**
	 * Whether the lease is still safely held.
	 * @return {@code false} once the last successful renewal is older than three quarters
	 * of the lease duration
	 */
	boolean holds() {
		return System.nanoTime() - this.lastRenewalSentAt < this.safeNanos;
	}

}
