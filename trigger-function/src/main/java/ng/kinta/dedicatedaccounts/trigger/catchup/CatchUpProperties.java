package ng.kinta.dedicatedaccounts.trigger.catchup;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Catch-up runs ({@code app.catch-up.*}, {@code docs/CONFIGURATION.md}).
 *
 * @param enabled whether catch-ups are chained; unset means "when {@code QSTASH_TOKEN} is
 * set"
 * @param delay how long after a run its catch-up is delivered ({@code Upstash-Delay});
 * must exceed {@code app.run.lease-duration}
 * @param maxPerDay most catch-ups published in any 24 hours
 * @param scheduleId the QStash schedule whose pause stops the chain
 * ({@code app.schedule.id} of qstash-admin)
 * @param qstash how to reach QStash's REST API
 */
@Validated
@ConfigurationProperties("app.catch-up")
public record CatchUpProperties(@Nullable Boolean enabled, @DefaultValue("2m") @NotNull Duration delay,
		@DefaultValue("48") @Min(0) int maxPerDay,
		@DefaultValue("create-dedicated-accounts") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "may only contain letters, digits, '-', '_' and '.'") String scheduleId,
		@DefaultValue @Valid @NotNull Qstash qstash) {

	/**
	 * Whether catch-ups are on.
	 * @return {@link #enabled} when set, otherwise whether a token is set
	 */
	public boolean on() {
		return (this.enabled != null) ? this.enabled : this.qstash.hasToken();
	}

	/**
	 * QStash's REST API as the trigger uses it.
	 *
	 * @param url base URL ({@code QSTASH_URL}), one trailing slash stripped
	 * @param token bearer token ({@code QSTASH_TOKEN}); never printed
	 * @param connectTimeout TCP connect timeout
	 * @param readTimeout time to wait for QStash's answer
	 */
	public record Qstash(
			@DefaultValue("https://qstash.upstash.io") @NotBlank @Pattern(regexp = "https?://\\S+",
					message = "QSTASH_URL must start with http:// or https://") String url,
			@Nullable String token, @DefaultValue("5s") @NotNull Duration connectTimeout,
			@DefaultValue("10s") @NotNull Duration readTimeout) {

		public Qstash {
			if (url != null && url.endsWith("/")) {
				url = url.substring(0, url.length() - 1);
			}
		}

		boolean hasToken() {
			return this.token != null && !this.token.isBlank();
		}

		@Override
		public String toString() {
			return "Qstash[url=" + this.url + ", token=" + (hasToken() ? "***" : "") + ", connectTimeout="
					+ this.connectTimeout + ", readTimeout=" + this.readTimeout + "]";
		}

	}

}
