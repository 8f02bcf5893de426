package ng.kinta.dedicatedaccounts.admin.schedule;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as QStash lists it (the fields this tool uses; unknown fields are ignored).
 * Times are unix milliseconds. QStash spells the caller IP {@code callerIp} in its
 * OpenAPI file and {@code callerIP} in its examples; both are accepted (qstash.md §4).
 *
 * @param scheduleId the schedule id
 * @param cron the cron expression
 * @param destination the URL (or URL group) QStash calls
 * @param method HTTP method QStash uses for the destination
 * @param createdAt creation time
 * @param paused whether the schedule is paused ({@code isPaused}; absent means not
 * paused)
 * @param retries delivery retries
 * @param lastScheduleTime last trigger time
 * @param nextScheduleTime next trigger time
 * @param callerIp IP address of whoever created the schedule
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Schedule(String scheduleId, @Nullable String cron, @Nullable String destination, @Nullable String method,
		@Nullable Long createdAt, @JsonProperty("isPaused") @JsonSetter(nulls = Nulls.AS_EMPTY) boolean paused,
		@Nullable Integer retries, @Nullable Long lastScheduleTime, @Nullable Long nextScheduleTime,
		@JsonProperty("callerIp") @JsonAlias("callerIP") @Nullable String callerIp) {

}
