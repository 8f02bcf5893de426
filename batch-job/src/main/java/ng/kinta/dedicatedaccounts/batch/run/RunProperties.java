package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the run lease ({@code app.run.*}).
 *
 * @param leaseDuration how long the run lease holds without renewal; the holder renews it
 * every third of this, so a dead holder on another host blocks runs for at most this long
 * (default 60 s; at most 2 minutes)
 * @param stopGracePeriod how long SIGTERM waits for the run to stop cleanly before the
 * process exits anyway
 */
@Validated
@ConfigurationProperties("app.run")
public record RunProperties(@NotNull Duration leaseDuration, @NotNull Duration stopGracePeriod) {

	/**
	 * Checks the bounds.
	 * @throws IllegalArgumentException when the lease is shorter than 3 s or longer than
	 * 2 minutes
	 */
	public RunProperties {
		if (leaseDuration != null && (leaseDuration.compareTo(Duration.ofSeconds(3)) < 0
				|| leaseDuration.compareTo(Duration.ofMinutes(2)) > 0)) {
			throw new IllegalArgumentException(
					"app.run.lease-duration must be between 3s and 2m, was " + leaseDuration);
		}
	}

}
