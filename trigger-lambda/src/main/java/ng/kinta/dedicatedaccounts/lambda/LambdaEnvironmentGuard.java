package ng.kinta.dedicatedaccounts.lambda;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What Lambda changes about the trigger, enforced before anything connects:
 * <ul>
 * <li>always: no web server, and the adapter's event logging off (Spring Cloud Function's
 * {@code AWSLambdaUtils} logs every whole event at INFO: headers with the
 * {@code Upstash-Signature} and the body); both take precedence over every other
 * setting;</li>
 * <li>on Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} set, as the Lambda runtime always
 * does): an H2 job repository is refused, {@code /tmp} being private to one execution
 * environment and deleted with it; a SnapStart restore is refused (see
 * {@code docs/LAMBDA.md}).</li>
 * </ul>
 */
class LambdaEnvironmentGuard implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "lambdaGuard";

	/** Set by the Lambda runtime in every execution environment. */
	static final String FUNCTION_NAME_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";

	/**
	 * Set by the Lambda runtime; {@code snap-start} in an environment restored from a
	 * snapshot.
	 */
	static final String INITIALIZATION_TYPE_VARIABLE = "AWS_LAMBDA_INITIALIZATION_TYPE";

	static final String ADAPTER_EVENT_LOGGER = "logging.level.org.springframework.cloud.function.adapter.aws.AWSLambdaUtils";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("spring.main.web-application-type", "none", ADAPTER_EVENT_LOGGER, "WARN")));
		if (environment.getProperty(FUNCTION_NAME_VARIABLE) == null) {
			return;
		}
		if ("snap-start".equals(environment.getProperty(INITIALIZATION_TYPE_VARIABLE))) {
			throw new IllegalStateException("SnapStart is not supported by this function: the run lease's holder "
					+ "(host, process id and start time) and the open MongoDB and SMTP connections would be "
					+ "restored from one snapshot into many execution environments. Turn SnapStart off "
					+ "(docs/LAMBDA.md).");
		}
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
			throw new IllegalStateException("BATCH_DB_URL is an H2 database (" + url.split(";", 2)[0]
					+ "), which cannot work on AWS Lambda: /tmp is private to each execution environment and "
					+ "deleted when Lambda recycles it, so the run history, restarts of failed runs and the "
					+ "Upstash-Message-Id look-up (no second run for a redelivery) would be lost. Set "
					+ "BATCH_DB_URL to a PostgreSQL database every environment shares "
					+ "(jdbc:postgresql://host:5432/db), with BATCH_DB_USERNAME and BATCH_DB_PASSWORD.");
		}
	}

}
