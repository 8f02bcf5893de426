package ng.kinta.dedicatedaccounts.admin.manage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** The actions of {@code POST /api/cron/manage}. */
enum ManageAction {

	SCHEDULE, LIST, DELETE, PAUSE, RESUME;

	private static final String NAMES = Arrays.stream(values())
		.map(ManageAction::wireName)
		.collect(Collectors.joining(", "));

	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean needsScheduleId() {
		return this == DELETE || this == PAUSE || this == RESUME;
	}

	static ManageAction from(@Nullable String action) {
		if (action != null) {
			for (ManageAction candidate : values()) {
				if (candidate.wireName().equals(action.strip().toLowerCase(Locale.ROOT))) {
					return candidate;
				}
			}
		}
		throw new InvalidManageRequestException(
				((action == null || action.isBlank()) ? "action is required" : "Unknown action") + "; expected one of: "
						+ NAMES);
	}

}
