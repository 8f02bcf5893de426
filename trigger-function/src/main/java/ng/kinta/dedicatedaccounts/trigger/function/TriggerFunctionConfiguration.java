package ng.kinta.dedicatedaccounts.trigger.function;

import java.time.Clock;
import java.util.function.Function;

import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.commandline.PublicApiUrl;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.catchup.CatchUpConfiguration;
import ng.kinta.dedicatedaccounts.trigger.catchup.CatchUps;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifier;
import ng.kinta.dedicatedaccounts.trigger.signature.UsedTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

/**
 * The trigger function and its collaborators, without any web server: what every platform
 * runs (the web app scans it, the AWS Lambda application imports it). The bean name is
 * the last path segment of the web endpoint: Spring Cloud Function web maps
 * {@code spring.cloud.function.web.path} ({@code /api/cron}) + {@code /} + function name
 * to the function; on Lambda, {@code SPRING_CLOUD_FUNCTION_DEFINITION} names it.
 */
@Configuration(proxyBeanMethods = false)
@Import(CatchUpConfiguration.class)
public class TriggerFunctionConfiguration {

	/** Name of the function bean, hence the last segment of its path. */
	public static final String FUNCTION_NAME = TriggerProperties.FUNCTION_NAME;

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
	 * The transports other than the web server's (AWS Lambda's), in order; the web
	 * server's takes whatever none of them carries.
	 */
	@Bean(FUNCTION_NAME)
	Function<Message<byte[]>, Message<Object>> createDedicatedAccounts(QstashSignatureVerifier verifier,
			MessageRunLauncher launcher, ObjectProvider<TriggerTransport> transports, CatchUps catchUps) {
		return new CreateDedicatedAccountsFunction(verifier, launcher, transports.orderedStream().toList(), catchUps);
	}

}
