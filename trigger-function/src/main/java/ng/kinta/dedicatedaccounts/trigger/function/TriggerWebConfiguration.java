package ng.kinta.dedicatedaccounts.trigger.function;

import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/*
 * What only the web server needs: the filter that keeps the exact request bytes for the
 * signature check, on the trigger's path only.
 */
@Configuration(proxyBeanMethods = false)
class TriggerWebConfiguration {

	@Bean
	FilterRegistrationBean<RawRequestBodyFilter> rawRequestBodyFilter(TriggerProperties properties) {
		FilterRegistrationBean<RawRequestBodyFilter> registration = new FilterRegistrationBean<>(
				new RawRequestBodyFilter(Math.toIntExact(properties.signing().maxBodySize().toBytes())));
		registration.addUrlPatterns(TriggerProperties.PATH);
		// before any filter that might read form parameters, which would consume the body
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
