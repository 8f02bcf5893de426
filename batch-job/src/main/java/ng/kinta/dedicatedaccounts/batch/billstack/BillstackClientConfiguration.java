package ng.kinta.dedicatedaccounts.batch.billstack;

import java.net.http.HttpClient;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.retry.policy.ExceptionClassifierRetryPolicy;
import org.springframework.retry.policy.MaxAttemptsRetryPolicy;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;

/**
 * The Billstack {@link RestClient} (with timeouts) and the retry policy: transient
 * failures and throttling answers are retried at the same bank, each with its own number
 * of attempts, after an exponential back-off or the wait of Billstack's
 * {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class BillstackClientConfiguration {

	@Bean
	RestClient billstackRestClient(RestClient.Builder builder, BillstackProperties properties) {
		// without explicit timeouts one stuck peer would hang the whole run
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			// HTTP/1.1: no h2c upgrade attempts against plain-HTTP peers
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(properties.readTimeout());
		return builder.clone()
			.baseUrl(properties.baseUrl())
			.requestFactory(requestFactory)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.secretKey())
			.build();
	}

	@Bean
	RetryTemplate billstackRetryTemplate(BillstackProperties properties) {
		// throttling is counted apart from other transient failures: it says nothing
		// about the bank, so it gets its own (larger) number of attempts
		ExceptionClassifierRetryPolicy retryPolicy = new ExceptionClassifierRetryPolicy();
		retryPolicy.setPolicyMap(Map.of(TransientBillstackException.class,
				new MaxAttemptsRetryPolicy(properties.maxAttempts()), BillstackThrottledException.class,
				new MaxAttemptsRetryPolicy(properties.maxThrottledAttempts())));
		ExponentialBackOffPolicy exponential = new ExponentialBackOffPolicy();
		exponential.setInitialInterval(properties.initialBackoff().toMillis());
		exponential.setMultiplier(properties.backoffMultiplier());
		exponential.setMaxInterval(properties.maxBackoff().toMillis());
		RetryTemplate retryTemplate = new RetryTemplate();
		retryTemplate.setRetryPolicy(retryPolicy);
		retryTemplate.setBackOffPolicy(
				new RetryAfterBackOffPolicy(exponential, properties.maxRetryAfter(), new ThreadWaitSleeper()));
		return retryTemplate;
	}

}
