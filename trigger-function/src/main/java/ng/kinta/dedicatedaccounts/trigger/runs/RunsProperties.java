package ng.kinta.dedicatedaccounts.trigger.runs;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials of the operator console (run history, users, reconciliation;
 * {@code app.runs.*}). The viewer ({@code RUNS_USERNAME}, {@code RUNS_PASSWORD}) reads;
 * both set = on, either blank = the console is off. The operator
 * ({@code RUNS_OPERATOR_USERNAME}, {@code RUNS_OPERATOR_PASSWORD}) may also restart a run
 * and resolve a user; either blank = nobody can.
 *
 * @param username viewer's HTTP Basic user name
 * @param password viewer's HTTP Basic password (never logged)
 * @param operatorUsername operator's HTTP Basic user name, or blank for none
 * @param operatorPassword operator's HTTP Basic password (never logged), or blank
 * @param chartRuns runs shown in the charts of {@code /runs}
 */
@ConfigurationProperties("app.runs")
record RunsProperties(@Nullable String username, @Nullable String password, @Nullable String operatorUsername,
		@Nullable String operatorPassword, @DefaultValue("60") int chartRuns) {

	static final String USERNAME = "app.runs.username";

	static final String PASSWORD = "app.runs.password";

	/** Role of every console user. */
	static final String VIEWER = "RUNS";

	/** Role of the users who may restart runs and resolve users. */
	static final String OPERATOR = "OPERATOR";

	RunsProperties {
		if (chartRuns < 2 || chartRuns > 500) {
			throw new IllegalArgumentException("app.runs.chart-runs must be between 2 and 500, was " + chartRuns);
		}
	}

	boolean enabled() {
		return isSet(this.username) && isSet(this.password);
	}

	boolean operatorEnabled() {
		return enabled() && isSet(this.operatorUsername) && isSet(this.operatorPassword);
	}

	static boolean isSet(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "RunsProperties[username=" + this.username + ", password=<hidden>, operatorUsername="
				+ this.operatorUsername + ", operatorPassword=<hidden>, chartRuns=" + this.chartRuns + "]";
	}

}
