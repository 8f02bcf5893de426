package ng.kinta.dedicatedaccounts.batch.run;

/**
 * Thrown when a job execution asked for by id (or the latest failed one) does not exist.
 */
public class JobExecutionNotFoundException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message which execution was looked for
	 */
	public JobExecutionNotFoundException(String message) {
		super(message);
	}

}
