package ng.kinta.dedicatedaccounts.admin.command;

import org.jspecify.annotations.Nullable;

/**
 * A parsed command of {@code qstash-admin.jar} (see {@link QstashAdminCommand}).
 *
 * @param name {@code init-cron}, {@code list}, {@code delete}, {@code pause} or
 * {@code resume}
 * @param scheduleId the schedule id argument ({@code delete}, {@code pause},
 * {@code resume}), else {@code null}
 */
record AdminCommand(String name, @Nullable String scheduleId) {

}
