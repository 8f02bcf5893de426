package ng.kinta.dedicatedaccounts.lambda;

import java.time.Duration;

import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/*
 * The Lambda transport of the trigger function.
 */
@Configuration(proxyBeanMethods = false)
class LambdaConfiguration {

	@Bean
	LambdaTransport lambdaTransport(JsonMapper jsonMapper, TriggerProperties trigger, LambdaProperties lambda,
			@Value("${app.job.time-budget}") Duration timeBudget,
			@Qualifier("alertTaskExecutor") ObjectProvider<ThreadPoolTaskExecutor> alertTaskExecutor,
			@Value("${app.alerts.shutdown-wait:15s}") Duration alertsWait) {
		return new LambdaTransport(jsonMapper, trigger, lambda, timeBudget, alertTaskExecutor.getIfAvailable(),
				alertsWait);
	}

}
