package ng.kinta.dedicatedaccounts.batch.billstack;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;

/**
 * The Billstack {@link RestClient} (with timeouts) and the retry policy for transient
 * failures.
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
		return RetryTemplate.builder()
			.maxAttempts(properties.maxAttempts())
			.exponentialBackoff(properties.initialBackoff(), properties.backoffMultiplier(), properties.maxBackoff())
			.retryOn(TransientBillstackException.class)
			.build();
	}

}
