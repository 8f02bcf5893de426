package ng.kinta.dedicatedaccounts.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * HTTP to the demo trigger under test: signed deliveries as QStash sends them, and
 * console requests with HTTP Basic credentials. Every status is returned, none thrown.
 */
final class TriggerClient {

	private final RestClient client;

	private final String endpointUrl;

	TriggerClient(int port, TriggerProperties properties) {
		this.client = RestClient.create("http://localhost:" + port);
		this.endpointUrl = properties.endpointUrl();
	}

	/**
	 * Sends {@code {}} signed for the trigger's endpoint.
	 * @param signer signs with one of the demo keys
	 * @param messageId the {@code Upstash-Message-Id}
	 * @return the answer
	 */
	ResponseEntity<String> deliver(QstashTokenSigner signer, String messageId) {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		return this.client.post()
			.uri(TriggerProperties.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Upstash-Signature", signer.sign(this.endpointUrl, body))
			.header("Upstash-Message-Id", messageId)
			.body(body)
			.retrieve()
			.onStatus((status) -> true, (request, answer) -> {
			})
			.toEntity(String.class);
	}

	ResponseEntity<String> get(String path, @Nullable String user, @Nullable String password) {
		return this.client.get()
			.uri(path)
			.headers((headers) -> basic(headers, user, password))
			.retrieve()
			.onStatus((status) -> true, (request, answer) -> {
			})
			.toEntity(String.class);
	}

	ResponseEntity<String> postForm(String path, @Nullable String user, @Nullable String password,
			MultiValueMap<String, String> form) {
		return this.client.post()
			.uri(path)
			.headers((headers) -> basic(headers, user, password))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.onStatus((status) -> true, (request, answer) -> {
			})
			.toEntity(String.class);
	}

	private static void basic(HttpHeaders headers, @Nullable String user, @Nullable String password) {
		if (user != null) {
			headers.set(HttpHeaders.AUTHORIZATION, "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
	}

}
