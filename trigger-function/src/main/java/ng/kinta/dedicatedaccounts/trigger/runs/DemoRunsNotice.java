package ng.kinta.dedicatedaccounts.trigger.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the {@code demo} profile, prints where the run history is and its published demo
 * credentials. A password set through {@code RUNS_PASSWORD} is never printed.
 */
@Component
@Profile("demo")
class DemoRunsNotice {

	private static final Logger logger = LoggerFactory.getLogger(DemoRunsNotice.class);

	private final RunsProperties properties;

	private final String demoPassword;

	private final Environment environment;

	private final String demoOperatorPassword;

	DemoRunsNotice(RunsProperties properties, @Value("${app.runs.demo-password:}") String demoPassword,
			@Value("${app.runs.demo-operator-password:}") String demoOperatorPassword, Environment environment) {
		this.properties = properties;
		this.demoPassword = demoPassword;
		this.demoOperatorPassword = demoOperatorPassword;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void printRunsPage() {
		if (!this.properties.enabled()) {
			return;
		}
		String port = this.environment.getProperty("local.server.port", "8080");
		String password = this.properties.password().equals(this.demoPassword) ? this.demoPassword
				: "(overridden, not shown)";
		logger.warn(
				"DEMO ONLY - operator console at http://localhost:{}/runs (JSON: /api/runs), viewer {}, password {}",
				port, this.properties.username(), password);
		if (this.properties.operatorEnabled()) {
			String operatorPassword = this.properties.operatorPassword().equals(this.demoOperatorPassword)
					? this.demoOperatorPassword : "(overridden, not shown)";
			logger.warn("DEMO ONLY - operator (restart, reconciliation) {}, password {}",
					this.properties.operatorUsername(), operatorPassword);
		}
	}

}
