package ng.kinta.dedicatedaccounts.batch.billstack;

/**
 * Every configured bank failed for one user. The user is skipped for this run, counted as
 * failed and tried again after a back-off.
 */
public class AccountNotCreatedException extends RuntimeException {

	public AccountNotCreatedException(String message) {
		super(message);
	}

}
