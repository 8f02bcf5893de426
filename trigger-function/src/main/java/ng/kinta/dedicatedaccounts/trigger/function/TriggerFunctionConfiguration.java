package ng.kinta.dedicatedaccounts.trigger.function;

import java.time.Clock;
import java.util.function.Function;

import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The trigger function and its collaborators. The bean name is the last path segment of
 * the endpoint: Spring Cloud Function web maps {@code spring.cloud.function.web.path} +
 * {@code /} + function name to the function: {@link TriggerProperties#PATH}.
 */
@Configuration(proxyBeanMethods = false)
class TriggerFunctionConfiguration {

	@Bean
	QstashSignatureVerifier qstashSignatureVerifier(TriggerProperties properties) {
		TriggerProperties.Signing signing = properties.signing();
		return new QstashSignatureVerifier(signing.keys(), properties.endpointUrl(), Clock.systemUTC(),
				signing.clockTolerance(), Math.toIntExact(signing.maxHeaderSize().toBytes()));
	}

	@Bean
	MessageRunLauncher messageRunLauncher(JobRunService jobRunService) {
		return new MessageRunLauncher(jobRunService);
	}

	@Bean(TriggerProperties.FUNCTION_NAME)
	Function<Message<byte[]>, Message<RunSummary>> createDedicatedAccounts(QstashSignatureVerifier verifier,
			MessageRunLauncher launcher) {
		return new CreateDedicatedAccountsFunction(verifier, launcher);
	}

}
