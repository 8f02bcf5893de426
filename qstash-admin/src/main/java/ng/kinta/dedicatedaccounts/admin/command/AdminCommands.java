package ng.kinta.dedicatedaccounts.admin.command;

import java.io.PrintStream;
import java.util.List;

import ng.kinta.dedicatedaccounts.admin.schedule.InvalidScheduleIdException;
import ng.kinta.dedicatedaccounts.admin.schedule.QstashException;
import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.Schedule;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleDefinition;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;

/**
 * Runs one command and says how it went. Results go to {@code out}, errors and usage to
 * {@code err}.
 * <ul>
 * <li>{@code init-cron}: create or overwrite the configured schedule (fixed id, so
 * running it twice still leaves one schedule);</li>
 * <li>{@code list}: one line per schedule: id, cron, destination, paused state;</li>
 * <li>{@code delete ID}, {@code pause ID}, {@code resume ID}.</li>
 * </ul>
 */
final class AdminCommands {

	static final int OK = 0;

	static final int QSTASH_FAILED = 1;

	static final int USAGE = 2;

	static final String USAGE_TEXT = """
			usage: java -jar qstash-admin.jar <command> [--spring options]
			  init-cron    create (or overwrite) the schedule that triggers the job
			  list         list schedules: id, cron, destination, paused state
			  delete ID    delete a schedule
			  pause ID     pause a schedule
			  resume ID    resume a schedule
			without a command the HTTP API (POST /api/cron/manage) starts""";

	private final QstashSchedulesClient schedules;

	private final ScheduleProperties scheduleProperties;

	AdminCommands(QstashSchedulesClient schedules, ScheduleProperties scheduleProperties) {
		this.schedules = schedules;
		this.scheduleProperties = scheduleProperties;
	}

	int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty()) {
			err.println(USAGE_TEXT);
			return USAGE;
		}
		String command = args.get(0);
		List<String> rest = args.subList(1, args.size());
		try {
			return switch (command) {
				case "init-cron" -> noArguments(rest, err) ? initCron(out) : USAGE;
				case "list" -> noArguments(rest, err) ? list(out) : USAGE;
				case "delete", "pause", "resume" -> withId(command, rest, out, err);
				default -> {
					err.println("Unknown command '" + command + "'");
					err.println(USAGE_TEXT);
					yield USAGE;
				}
			};
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

	private int initCron(PrintStream out) {
		ScheduleDefinition definition = this.scheduleProperties.definition(null);
		String id = this.schedules.createOrOverwrite(definition);
		out.println(
				"Scheduled id=" + id + " cron=\"" + definition.cron() + "\" destination=" + definition.destination());
		return OK;
	}

	private int list(PrintStream out) {
		List<Schedule> all = this.schedules.list();
		if (all.isEmpty()) {
			out.println("No schedules");
		}
		for (Schedule schedule : all) {
			out.println("id=" + schedule.scheduleId() + " cron=\"" + schedule.cron() + "\" destination="
					+ schedule.destination() + " paused=" + schedule.paused());
		}
		return OK;
	}

	private int withId(String command, List<String> rest, PrintStream out, PrintStream err) {
		if (rest.size() != 1) {
			err.println(command + " needs exactly one schedule id");
			err.println(USAGE_TEXT);
			return USAGE;
		}
		String id = rest.get(0);
		switch (command) {
			case "delete" -> this.schedules.delete(id);
			case "pause" -> this.schedules.pause(id);
			default -> this.schedules.resume(id);
		}
		out.println(pastTense(command) + " id=" + id);
		return OK;
	}

	private static String pastTense(String command) {
		return switch (command) {
			case "delete" -> "Deleted";
			case "pause" -> "Paused";
			default -> "Resumed";
		};
	}

	private static boolean noArguments(List<String> rest, PrintStream err) {
		if (rest.isEmpty()) {
			return true;
		}
		err.println("Unexpected arguments: " + String.join(" ", rest));
		err.println(USAGE_TEXT);
		return false;
	}

}
