package ng.kinta.dedicatedaccounts.trigger;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves the trigger function at {@link TriggerProperties#PATH} and for POST only, from
 * the constants in {@link TriggerProperties}, so that the path the endpoint is mapped to
 * and the URL the signature's {@code sub} claim is checked against cannot drift apart.
 * Takes precedence over every other property source.
 */
class TriggerEndpointEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "triggerEndpoint";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("spring.cloud.function.web.path", TriggerProperties.FUNCTION_WEB_PATH,
							"spring.cloud.function.http.post", TriggerProperties.FUNCTION_NAME)));
	}

}
