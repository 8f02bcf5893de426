package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * A request was not sent because this process may no longer send one for the user: the
 * run lost its claim on the user, its lease fence closed, or the run is ending. Nothing
 * was asked of Billstack.
 */
public class RequestNotAllowedException extends RuntimeException {

	public RequestNotAllowedException(String message) {
		super(message);
	}

}
