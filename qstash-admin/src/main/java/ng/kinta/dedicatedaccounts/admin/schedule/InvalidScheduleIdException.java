package ng.kinta.dedicatedaccounts.admin.schedule;

/**
 * Thrown before any call to QStash when a schedule id is missing or has characters QStash
 * refuses; callers answer it as a usage error (HTTP 400, exit code 2).
 */
public class InvalidScheduleIdException extends IllegalArgumentException {

	InvalidScheduleIdException(String message) {
		super(message);
	}

}
