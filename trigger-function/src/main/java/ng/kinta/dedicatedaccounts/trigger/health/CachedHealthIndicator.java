package ng.kinta.dedicatedaccounts.trigger.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health indicator asked at most once per interval: the answer in between is the last
 * one. Used for the mail relay, whose check connects and logs in: a dashboard polling
 * {@code /actuator/health} every 10 s would otherwise log in thousands of times a day,
 * and a relay that rate-limits logins could then refuse the job's own.
 */
final class CachedHealthIndicator implements HealthIndicator {

	private final HealthIndicator delegate;

	private final Duration interval;

	private final Clock clock;

	private @Nullable Health last;

	private Instant checkedAt = Instant.MIN;

	/**
	 * Wraps an indicator.
	 * @param delegate the indicator to ask
	 * @param interval how long an answer is reused ({@code 0}: never)
	 * @param clock the clock
	 */
	CachedHealthIndicator(HealthIndicator delegate, Duration interval, Clock clock) {
		this.delegate = delegate;
		this.interval = interval;
		this.clock = clock;
	}

	@Override
	public synchronized Health health() {
		Instant now = this.clock.instant();
		if (this.last == null || !now.isBefore(this.checkedAt.plus(this.interval))) {
			this.last = this.delegate.health();
			this.checkedAt = now;
		}
		return this.last;
	}

}
