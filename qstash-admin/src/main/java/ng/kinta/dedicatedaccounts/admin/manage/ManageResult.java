package ng.kinta.dedicatedaccounts.admin.manage;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Answer of the actions other than {@code list}.
 *
 * @param status always {@code ok} (failures are problem details)
 * @param action the action performed
 * @param scheduleId the schedule acted on
 * @param cron the cron expression ({@code schedule} only)
 * @param destination the URL QStash calls ({@code schedule} only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManageResult(String status, String action, String scheduleId, @Nullable String cron,
		@Nullable String destination) {

	static ManageResult of(ManageAction action, String scheduleId) {
		return new ManageResult("ok", action.wireName(), scheduleId, null, null);
	}

}
