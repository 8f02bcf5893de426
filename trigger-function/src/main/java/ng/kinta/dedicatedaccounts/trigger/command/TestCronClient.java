package ng.kinta.dedicatedaccounts.trigger.command;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends one signed trigger request. The {@code sub} claim is the configured public URL
 * (what the server expects), whatever URL the request is actually sent to: that is how a
 * request reaches the app through a proxy, too.
 */
class TestCronClient {

	static final String BODY = "{}";

	// the job runs synchronously: wait as long as QStash would (free plan: 15 minutes)
	private static final Duration READ_TIMEOUT = Duration.ofMinutes(15);

	private final RestClient restClient;

	private final QstashTokenSigner signer;

	private final String signedUrl;

	private final String defaultUrl;

	TestCronClient(RestClient.Builder builder, QstashTokenSigner signer, String signedUrl, String defaultUrl) {
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(READ_TIMEOUT);
		this.restClient = builder.requestFactory(requestFactory).build();
		this.signer = signer;
		this.signedUrl = signedUrl;
		this.defaultUrl = defaultUrl;
	}

	/**
	 * Signs and sends the request.
	 * @param url where to send it, or {@code null} for the local server
	 * @return the HTTP status and body, or the connection error
	 */
	Result send(@Nullable String url) {
		String target = (url != null) ? url : this.defaultUrl;
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		try {
			return this.restClient.post()
				.uri(target)
				.contentType(MediaType.APPLICATION_JSON)
				.header("Upstash-Signature", this.signer.sign(this.signedUrl, body))
				.header("Upstash-Message-Id", "msg_test_" + UUID.randomUUID().toString().replace("-", ""))
				.header("Upstash-Retried", "0")
				.body(body)
				.exchange((request, response) -> new Result(target, response.getStatusCode().value(),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8), null));
		}
		catch (RestClientException ex) {
			// e.g. ConnectException, whose message is empty: name the cause instead
			Throwable cause = ex.getMostSpecificCause();
			String reason = (cause.getMessage() != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
					: cause.getClass().getSimpleName();
			return new Result(target, 0, "", reason + " (is the server running?)");
		}
	}

	/**
	 * What the trigger answered.
	 *
	 * @param url where the request went
	 * @param status HTTP status, 0 when there was no answer
	 * @param body response body as text
	 * @param error why there was no answer, or {@code null}
	 */
	record Result(String url, int status, String body, @Nullable String error) {

		boolean successful() {
			return this.status >= 200 && this.status < 300;
		}

		int printTo(PrintStream out) {
			if (this.error != null) {
				out.println("POST " + this.url + " failed: " + this.error);
				return 1;
			}
			out.println("POST " + this.url + " -> HTTP " + this.status);
			out.println(this.body);
			return successful() ? 0 : 1;
		}

	}

}
