package ng.kinta.dedicatedaccounts.admin.schedule;

/**
 * What {@link QstashSchedulesClient#createOrOverwrite} sends to QStash.
 *
 * @param scheduleId value of {@code Upstash-Schedule-Id}
 * @param cron value of {@code Upstash-Cron}
 * @param destination absolute URL appended verbatim to {@code /v2/schedules/}
 * @param retries value of {@code Upstash-Retries}
 */
public record ScheduleDefinition(String scheduleId, String cron, String destination, int retries) {

}
