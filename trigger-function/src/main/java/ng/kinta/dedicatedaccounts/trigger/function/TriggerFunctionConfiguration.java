package ng.kinta.dedicatedaccounts.trigger.function;

import java.time.Clock;
import java.util.function.Function;

import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.commandline.PublicApiUrl;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifier;
import ng.kinta.dedicatedaccounts.trigger.signature.UsedTokens;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

/*
 * The trigger function and its collaborators. The bean name is the last path segment of
 * the endpoint: Spring Cloud Function web maps {@code spring.cloud.function.web.path}
 * ({@code /api/cron}) + {@code /} + function name to the function.
 */
@Configuration(proxyBeanMethods = false)
class TriggerFunctionConfiguration {

	// name of the function bean, hence the last segment of its path
	static final String FUNCTION_NAME = "create-dedicated-accounts";

	@Bean
	QstashSignatureVerifier qstashSignatureVerifier(TriggerProperties properties, Environment environment,
			UsedTokens usedTokens) {
		// fails the start with a message naming NEXT_PUBLIC_API_URL
		PublicApiUrl.requireValid(properties.publicApiUrl(), environment.matchesProfiles("demo"));
		TriggerProperties.Signing signing = properties.signing();
		return new QstashSignatureVerifier(signing.keys(), properties.endpointUrl(), Clock.systemUTC(),
				signing.clockTolerance(), Math.toIntExact(signing.maxHeaderSize().toBytes()), usedTokens);
	}

	@Bean
	MessageRunLauncher messageRunLauncher(JobRunService jobRunService) {
		return new MessageRunLauncher(jobRunService);
	}

	/*
	 * Keeps the exact request bytes for the signature check, on the trigger's path only.
	 */
	@Bean
	FilterRegistrationBean<RawRequestBodyFilter> rawRequestBodyFilter(TriggerProperties properties) {
		FilterRegistrationBean<RawRequestBodyFilter> registration = new FilterRegistrationBean<>(
				new RawRequestBodyFilter(Math.toIntExact(properties.signing().maxBodySize().toBytes())));
		registration.addUrlPatterns(TriggerProperties.PATH);
		// before any filter that might read form parameters, which would consume the body
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean(FUNCTION_NAME)
	Function<Message<byte[]>, Message<RunSummary>> createDedicatedAccounts(QstashSignatureVerifier verifier,
			MessageRunLauncher launcher) {
		return new CreateDedicatedAccountsFunction(verifier, launcher);
	}

}
