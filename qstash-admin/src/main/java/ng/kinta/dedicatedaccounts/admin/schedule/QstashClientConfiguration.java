package ng.kinta.dedicatedaccounts.admin.schedule;

import ng.kinta.dedicatedaccounts.commandline.PublicApiUrl;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Binds and validates {@link QstashProperties} and {@link ScheduleProperties} (the
 * application fails to start with a clear message when {@code QSTASH_TOKEN} or
 * {@code NEXT_PUBLIC_API_URL} is missing) and creates the {@link QstashSchedulesClient}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ QstashProperties.class, ScheduleProperties.class })
class QstashClientConfiguration {

	@Bean
	QstashSchedulesClient qstashSchedulesClient(RestClient.Builder restClientBuilder, QstashProperties properties,
			ScheduleProperties schedule, Environment environment) {
		// an http:// or relative destination would be scheduled and never verify
		PublicApiUrl.requireValid(schedule.publicApiUrl(), environment.matchesProfiles("demo"));
		return new QstashSchedulesClient(restClientBuilder, properties);
	}

}
