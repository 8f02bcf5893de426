package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * The run's time budget ran out before this user's account could be created. Nothing is
 * recorded against the user: the next run takes it again.
 */
public class AttemptDeferredException extends RuntimeException {

	public AttemptDeferredException(String message) {
		super(message);
	}

}
