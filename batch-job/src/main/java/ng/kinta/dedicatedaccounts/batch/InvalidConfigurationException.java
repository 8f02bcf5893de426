package ng.kinta.dedicatedaccounts.batch;

/**
 * A setting has a value the application cannot work with. The message names the property
 * and what is wrong with its value, never the value itself (it may hold a password); the
 * command line prints it as its last line.
 */
public class InvalidConfigurationException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param property the property, e.g. {@code app.mongodb.uri}
	 * @param problem what is wrong, naming the environment variable users set
	 */
	public InvalidConfigurationException(String property, String problem) {
		super(property + ": " + problem);
	}

}
