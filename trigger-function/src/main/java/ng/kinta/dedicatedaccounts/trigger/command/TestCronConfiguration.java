package ng.kinta.dedicatedaccounts.trigger.command;

import java.time.Clock;

import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * The beans of the {@code test-cron} command only: configuration, signer, HTTP client.
 * Deliberately not a {@code @Configuration}: the web app's component scan must not pick
 * it up; {@link TestCronCommand} passes it to its own {@code SpringApplication}.
 */
@EnableConfigurationProperties(TriggerProperties.class)
class TestCronConfiguration {

	@Bean
	TestCronClient testCronClient(TriggerProperties properties, @Value("${server.port:8080}") int serverPort) {
		QstashTokenSigner signer = new QstashTokenSigner(properties.signing().currentKey(), Clock.systemUTC());
		String defaultUrl = "http://localhost:" + serverPort + TriggerProperties.PATH;
		return new TestCronClient(RestClient.builder(), signer, properties.endpointUrl(), defaultUrl);
	}

}
