package ng.kinta.dedicatedaccounts.admin.manage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/cron/manage}, as the old app accepted it.
 *
 * @param action {@code schedule}, {@code list}, {@code delete}, {@code pause} or
 * {@code resume}
 * @param scheduleId target schedule; required for delete, pause and resume
 * @param signature the shared secret; never printed by {@link #toString()}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ManageRequest(@Nullable String action, @Nullable String scheduleId, @Nullable String signature) {

	@Override
	public String toString() {
		return "ManageRequest[action=" + this.action + ", scheduleId=" + this.scheduleId + ", signature=***]";
	}

}
