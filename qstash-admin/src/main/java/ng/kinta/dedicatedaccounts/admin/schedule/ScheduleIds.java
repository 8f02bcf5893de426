package ng.kinta.dedicatedaccounts.admin.schedule;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks schedule ids before they go into a QStash path. QStash allows letters, digits,
 * {@code -}, {@code _} and {@code .} (qstash.md §4); an empty id would turn
 * {@code /v2/schedules/{id}} into the collection path, and {@code .}/{@code ..} into a
 * different path, so those are refused here rather than sent.
 */
final class ScheduleIds {

	static final String ALLOWED = "[A-Za-z0-9._-]+";

	private static final Pattern PATTERN = Pattern.compile(ALLOWED);

	private ScheduleIds() {
	}

	static String requireValid(@Nullable String scheduleId) {
		if (scheduleId == null || scheduleId.isBlank()) {
			throw new InvalidScheduleIdException("scheduleId is required");
		}
		if (!PATTERN.matcher(scheduleId).matches() || scheduleId.equals(".") || scheduleId.equals("..")) {
			throw new InvalidScheduleIdException(
					"scheduleId may only contain letters, digits, '-', '_' and '.' (got an invalid value)");
		}
		return scheduleId;
	}

}
