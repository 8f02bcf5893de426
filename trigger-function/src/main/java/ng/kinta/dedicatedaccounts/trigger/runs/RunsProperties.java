package ng.kinta.dedicatedaccounts.trigger.runs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credentials of the run-history page and API ({@code app.runs.*}, fed from
 * {@code RUNS_USERNAME} and {@code RUNS_PASSWORD}). Both set = on; either blank = off.
 *
 * @param username HTTP Basic user name
 * @param password HTTP Basic password (never logged)
 */
@ConfigurationProperties("app.runs")
record RunsProperties(String username, String password) {

	static final String USERNAME = "app.runs.username";

	static final String PASSWORD = "app.runs.password";

	boolean enabled() {
		return isSet(this.username) && isSet(this.password);
	}

	static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "RunsProperties[username=" + this.username + ", password=<hidden>]";
	}

}
