package ng.kinta.dedicatedaccounts.admin.schedule;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import ng.kinta.dedicatedaccounts.commandline.PublicApiUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The schedule that drives the job ({@code app.schedule.*}).
 *
 * @param publicApiUrl public base URL of the trigger ({@code NEXT_PUBLIC_API_URL}),
 * normalised by {@link PublicApiUrl#normalize}; required, absolute https outside the demo
 * @param id fixed schedule id sent as {@code Upstash-Schedule-Id}, which makes creating
 * the schedule idempotent (QStash overwrites a schedule with the same id)
 * @param cron cron expression in UTC sent as {@code Upstash-Cron}
 * @param retries delivery retries sent as {@code Upstash-Retries}
 */
@Validated
@ConfigurationProperties("app.schedule")
public record ScheduleProperties(
		@NotBlank(message = "NEXT_PUBLIC_API_URL is required (public base URL of the trigger)") @Pattern(
				regexp = "https?://\\S+",
				message = "NEXT_PUBLIC_API_URL must start with http:// or https://") String publicApiUrl,
		@DefaultValue("create-dedicated-accounts") @NotBlank @Pattern(regexp = ScheduleIds.ALLOWED,
				message = "may only contain letters, digits, '-', '_' and '.'") String id,
		@DefaultValue("0 */3 * * *") @NotBlank String cron, @DefaultValue("3") @Min(0) int retries) {

	/** Path of the trigger endpoint in {@code trigger-function}. */
	static final String TRIGGER_PATH = "/api/cron/create-dedicated-accounts";

	public ScheduleProperties {
		if (publicApiUrl != null) {
			// the trigger normalises it the same way: the sub claim must match
			publicApiUrl = PublicApiUrl.normalize(publicApiUrl);
		}
	}

	/**
	 * The URL QStash calls; the trigger checks the signature's {@code sub} claim against
	 * exactly this string.
	 * @return {@code publicApiUrl + /api/cron/create-dedicated-accounts}
	 */
	public String destination() {
		return this.publicApiUrl + TRIGGER_PATH;
	}

	/**
	 * The schedule to create. Its id is always the configured one: a second id would
	 * create a second schedule, and every slot would then trigger the job twice.
	 * @param scheduleId an explicit id (must be the configured one), or
	 * {@code null}/blank
	 * @return the definition with the configured id, cron, destination and retries
	 * @throws InvalidScheduleIdException if an explicit id differs from the configured
	 * one
	 */
	public ScheduleDefinition definition(@Nullable String scheduleId) {
		if (scheduleId != null && !scheduleId.isBlank() && !scheduleId.equals(this.id)) {
			throw new InvalidScheduleIdException("scheduleId for 'schedule' must be '" + this.id
					+ "' (the fixed id that keeps one schedule) or left out");
		}
		return new ScheduleDefinition(this.id, this.cron, destination(), this.retries);
	}

}
