package ng.kinta.dedicatedaccounts.batch.user;

import java.time.Duration;

/**
 * How long a user who failed waits before the next attempt: {@code first} after the first
 * failure, doubling with each further failure, at most {@code max}.
 *
 * @param first back-off after the first failure
 * @param max longest back-off
 */
public record BackoffPolicy(Duration first, Duration max) {

	/**
	 * The back-off after a number of failed attempts.
	 * @param attempts failed attempts so far, the latest included (values below 1 count
	 * as 1)
	 * @return the back-off, never more than {@link #max()}
	 */
	public Duration after(int attempts) {
		// capped shift: no overflow however many times a user failed
		Duration backoff = this.first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return (backoff.compareTo(this.max) > 0) ? this.max : backoff;
	}

}
