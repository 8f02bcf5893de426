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
 * @param cancelledCatchUps catch-up runs published by the trigger and cancelled at QStash
 * ({@code pause} of the job's schedule only)
 * @param note what else the operator should know ({@code pause} of the job's schedule
 * only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManageResult(String status, String action, String scheduleId, @Nullable String cron,
		@Nullable String destination, @Nullable Integer cancelledCatchUps, @Nullable String note) {

	/**
	 * A result without catch-up details.
	 * @param status see the record
	 * @param action see the record
	 * @param scheduleId see the record
	 * @param cron see the record
	 * @param destination see the record
	 */
	public ManageResult(String status, String action, String scheduleId, @Nullable String cron,
			@Nullable String destination) {
		this(status, action, scheduleId, cron, destination, null, null);
	}

	static ManageResult of(ManageAction action, String scheduleId) {
		return new ManageResult("ok", action.wireName(), scheduleId, null, null);
	}

	/**
	 * The result of pausing a schedule, with the catch-up runs cancelled after it.
	 * @param scheduleId the schedule
	 * @param catchUps what became of the pending catch-up runs
	 * @return the result
	 */
	public static ManageResult paused(String scheduleId, PausedCatchUps catchUps) {
		return new ManageResult("ok", "pause", scheduleId, null, null, catchUps.cancelled(), catchUps.note());
	}

	/**
	 * What pausing did to the catch-up runs already published.
	 *
	 * @param cancelled how many QStash cancelled, or {@code null} when not asked or
	 * refused
	 * @param note for the operator, or {@code null} when the schedule is not the job's
	 */
	public record PausedCatchUps(@Nullable Integer cancelled, @Nullable String note) {

		/** Another schedule than the job's: its catch-ups are not ours to cancel. */
		public static final PausedCatchUps NONE = new PausedCatchUps(null, null);

	}

}
