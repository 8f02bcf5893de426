package ng.kinta.dedicatedaccounts.trigger.catchup;

/** QStash could not be asked or refused a catch-up; the message never holds a secret. */
class CatchUpException extends RuntimeException {

	CatchUpException(String message) {
		super(message);
	}

	CatchUpException(String message, Throwable cause) {
		super(message, cause);
	}

}
