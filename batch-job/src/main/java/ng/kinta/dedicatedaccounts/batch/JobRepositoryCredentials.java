package ng.kinta.dedicatedaccounts.batch;

/**
 * The job repository's login, checked at start: a database reached over the network (a
 * PostgreSQL shared by hosts) must not be opened with an empty user or password, which is
 * what the defaults ({@code sa}, empty) would do. Only a local H2 file or in-memory
 * database may go without.
 */
final class JobRepositoryCredentials {

	private JobRepositoryCredentials() {
	}

	/**
	 * Checks the login.
	 * @param url {@code BATCH_DB_URL}
	 * @param username {@code BATCH_DB_USERNAME}
	 * @param password {@code BATCH_DB_PASSWORD}
	 * @throws InvalidConfigurationException when the URL is not a local H2 database and
	 * the user or the password is empty (the message names the variables, never a value)
	 */
	static void require(String url, String username, String password) {
		boolean local = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:")
				|| url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~/");
		if (!local && (username.isBlank() || password.isBlank())) {
			throw new InvalidConfigurationException("spring.datasource.username/password",
					"BATCH_DB_USERNAME and BATCH_DB_PASSWORD must both be set for a job repository that is not a"
							+ " local H2 file (BATCH_DB_URL points elsewhere)");
		}
	}

}
