package ng.kinta.dedicatedaccounts.admin.manage;

import ng.kinta.dedicatedaccounts.admin.schedule.QstashException;
import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the job's schedule is paused: cancels the catch-up runs the trigger already
 * published (QStash's bulk cancel by label and destination), so that a pause stops the
 * runs at once. A run in progress chains none: the trigger asks for the schedule's state
 * first. Cancelling is best effort: when QStash refuses it the pause stands and the note
 * says the published catch-ups will still arrive.
 */
public final class CatchUpCancellation {

	private static final Logger logger = LoggerFactory.getLogger(CatchUpCancellation.class);

	private CatchUpCancellation() {
	}

	/**
	 * Cancels the pending catch-ups when the paused schedule is the job's.
	 * @param schedules the QStash client
	 * @param schedule the job's schedule
	 * @param pausedScheduleId the schedule just paused
	 * @return what became of the catch-ups
	 */
	public static ManageResult.PausedCatchUps afterPause(QstashSchedulesClient schedules, ScheduleProperties schedule,
			String pausedScheduleId) {
		if (!schedule.id().equals(pausedScheduleId)) {
			return ManageResult.PausedCatchUps.NONE;
		}
		try {
			int cancelled = schedules.cancelCatchUps(schedule.destination());
			logger.info("Schedule {} paused; {} pending catch-up runs cancelled", pausedScheduleId, cancelled);
			return new ManageResult.PausedCatchUps(cancelled, "pending catch-up runs cancelled; a catch-up already"
					+ " being delivered may still arrive, and no run chains another while the schedule is paused");
		}
		catch (QstashException ex) {
			logger.warn("Schedule {} paused, but its pending catch-up runs could not be cancelled: {}",
					pausedScheduleId, ex.getMessage());
			return new ManageResult.PausedCatchUps(null,
					"catch-up runs already published will still arrive (cancelling them failed: " + ex.getMessage()
							+ "); no run chains another while the schedule is paused");
		}
	}

}
