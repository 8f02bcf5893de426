package ng.kinta.dedicatedaccounts.trigger.health;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mail.health.MailHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail relay's health, checked at most once per
 * {@code app.health.mail-check-interval}. The bean's name takes the place of Spring
 * Boot's own mail contributor, which logs in to the relay on every health request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
class MailHealthConfiguration {

	@Bean
	@ConditionalOnBean(JavaMailSenderImpl.class)
	@ConditionalOnEnabledHealthIndicator("mail")
	HealthIndicator mailHealthContributor(JavaMailSenderImpl mailSender, HealthProperties properties) {
		return new CachedHealthIndicator(new MailHealthIndicator(mailSender), properties.mailCheckInterval(),
				Clock.systemUTC());
	}

}
