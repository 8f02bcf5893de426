package ng.kinta.dedicatedaccounts.trigger.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;

class CachedHealthIndicatorTests {

	@Test
	void theRelayIsAskedAtMostOncePerIntervalHoweverOftenHealthIsPolled() {
		AtomicInteger logins = new AtomicInteger();
		HealthIndicator relay = () -> (logins.incrementAndGet() == 1) ? Health.up().build() : Health.down().build();
		MutableClock clock = new MutableClock();
		CachedHealthIndicator cached = new CachedHealthIndicator(relay, Duration.ofMinutes(5), clock);

		// a dashboard polling every 10 s for 4 minutes
		for (int poll = 0; poll < 24; poll++) {
			assertThat(cached.health().getStatus().getCode()).isEqualTo("UP");
			clock.advance(Duration.ofSeconds(10));
		}
		clock.advance(Duration.ofMinutes(1));

		assertThat(cached.health().getStatus().getCode()).isEqualTo("DOWN");
		assertThat(logins).hasValue(2);
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
