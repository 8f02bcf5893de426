package ng.kinta.dedicatedaccounts.trigger.catchup;

import java.time.Clock;

import ng.kinta.dedicatedaccounts.batch.InvalidConfigurationException;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunProperties;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Creates {@link CatchUps}: on when {@code app.catch-up.enabled} says so, or, unset, when
 * {@code QSTASH_TOKEN} is set; otherwise {@link CatchUps#OFF} and one INFO line saying
 * why. Refuses to start with a delay that does not exceed the run lease, or catch-ups
 * switched on without a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatchUpProperties.class)
public class CatchUpConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(CatchUpConfiguration.class);

	@Bean
	CatchUps catchUps(CatchUpProperties properties, TriggerProperties trigger, JobRunService runs,
			ObjectProvider<RunProperties> runProperties, ObjectProvider<RestClient.Builder> restClientBuilder) {
		if (!properties.on()) {
			if (properties.enabled() == null) {
				logger.info("Catch-up runs are off: QSTASH_TOKEN is not set on the trigger, so it cannot publish"
						+ " to QStash; a backlog drains at one run per schedule slot");
			}
			else {
				logger.info("Catch-up runs are off (app.catch-up.enabled=false)");
			}
			return CatchUps.OFF;
		}
		if (!properties.qstash().hasToken()) {
			throw new InvalidConfigurationException("app.catch-up.enabled",
					"catch-up runs need QSTASH_TOKEN on the trigger (QStash's REST token)");
		}
		RunProperties run = runProperties.getIfAvailable();
		if (run != null && properties.delay().compareTo(run.leaseDuration()) <= 0) {
			throw new InvalidConfigurationException("app.catch-up.delay", "must be longer than app.run.lease-duration ("
					+ run.leaseDuration().toSeconds() + "s), was " + properties.delay().toSeconds() + "s");
		}
		QstashPublishClient client = new QstashPublishClient(restClientBuilder.getIfAvailable(RestClient::builder),
				properties.qstash());
		logger.info(
				"Catch-up runs are on: {} s after a run that left users, at most {} in 24 hours, unless"
						+ " schedule '{}' is paused",
				properties.delay().toSeconds(), properties.maxPerDay(), properties.scheduleId());
		return new CatchUps(properties, client, runs, trigger.endpointUrl(), Clock.systemUTC());
	}

}
