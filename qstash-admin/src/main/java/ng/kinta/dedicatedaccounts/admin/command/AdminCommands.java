package ng.kinta.dedicatedaccounts.admin.command;

import java.io.PrintStream;

import ng.kinta.dedicatedaccounts.admin.manage.CatchUpCancellation;
import ng.kinta.dedicatedaccounts.admin.manage.ManageResult;
import ng.kinta.dedicatedaccounts.admin.schedule.InvalidScheduleIdException;
import ng.kinta.dedicatedaccounts.admin.schedule.QstashException;
import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleDefinition;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one command and says how it went, in one style: the result is one JSON document on
 * {@code out}, the same {@code POST /api/cron/manage} answers; errors go to {@code err}
 * as one line of text.
 * <ul>
 * <li>{@code init-cron}: create or overwrite the configured schedule (fixed id, so
 * running it twice still leaves one schedule), print
 * {@code {"status":"ok","action":"schedule","scheduleId":…,"cron":…,"destination":…}};</li>
 * <li>{@code list}: print the schedules as a JSON array (QStash's fields);</li>
 * <li>{@code delete ID}, {@code pause ID}, {@code resume ID}: print
 * {@code {"status":"ok","action":…,"scheduleId":…}}.</li>
 * </ul>
 */
final class AdminCommands {

	static final int OK = 0;

	static final int QSTASH_FAILED = 1;

	static final int USAGE = 2;

	private final QstashSchedulesClient schedules;

	private final ScheduleProperties scheduleProperties;

	private final JsonMapper jsonMapper;

	AdminCommands(QstashSchedulesClient schedules, ScheduleProperties scheduleProperties, JsonMapper jsonMapper) {
		this.schedules = schedules;
		this.scheduleProperties = scheduleProperties;
		this.jsonMapper = jsonMapper;
	}

	int run(AdminCommand command, PrintStream out, PrintStream err) {
		try {
			Object result = switch (command.name()) {
				case "init-cron" -> initCron();
				case "list" -> this.schedules.list();
				case "delete" -> {
					this.schedules.delete(command.scheduleId());
					yield done("delete", command.scheduleId());
				}
				case "pause" -> {
					this.schedules.pause(command.scheduleId());
					yield ManageResult.paused(command.scheduleId(), CatchUpCancellation.afterPause(this.schedules,
							this.scheduleProperties, command.scheduleId()));
				}
				case "resume" -> {
					this.schedules.resume(command.scheduleId());
					yield done("resume", command.scheduleId());
				}
				default -> throw new IllegalArgumentException("Unknown command: " + command.name());
			};
			out.println(this.jsonMapper.writeValueAsString(result));
			return OK;
		}
		catch (InvalidScheduleIdException ex) {
			err.println(ex.getMessage());
			return USAGE;
		}
		catch (QstashException ex) {
			err.println(ex.getMessage());
			return QSTASH_FAILED;
		}
	}

	private ManageResult initCron() {
		ScheduleDefinition definition = this.scheduleProperties.definition(null);
		String id = this.schedules.createOrOverwrite(definition);
		return new ManageResult("ok", "schedule", id, definition.cron(), definition.destination());
	}

	private static ManageResult done(String action, String scheduleId) {
		return new ManageResult("ok", action, scheduleId, null, null);
	}

}
