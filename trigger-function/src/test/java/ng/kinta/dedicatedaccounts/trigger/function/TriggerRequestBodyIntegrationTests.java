package ng.kinta.dedicatedaccounts.trigger.function;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * The signature is checked over the exact bytes received, whatever the
 * {@code Content-Type}: QStash forwards the one its schedule was created with. Sent with
 * the JDK's HTTP client, which adds no Content-Type of its own and sends the bytes as
 * given.
 */
@SpringBootTest(classes = TriggerEndpointIntegrationTests.TriggerWebTestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "trigger.public-api-url=" + TriggerEndpointIntegrationTests.PUBLIC_URL,
				"trigger.signing.current-key=" + TriggerEndpointIntegrationTests.CURRENT_KEY,
				"trigger.signing.next-key=" + TriggerEndpointIntegrationTests.NEXT_KEY,
				"trigger.signing.max-body-size=1KB",
				// no MongoDB here: the readiness group names its contributor
				"management.endpoint.health.validate-group-membership=false" })
class TriggerRequestBodyIntegrationTests {

	private final QstashTokenSigner signer = new QstashTokenSigner(TriggerEndpointIntegrationTests.CURRENT_KEY,
			Clock.systemUTC());

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@MockitoBean
	JobRunService jobRunService;

	@BeforeEach
	void setUp() {
		given(this.jobRunService.findLatestExecutionForMessage(anyString())).willReturn(Optional.empty());
		given(this.jobRunService.startNewRun(any())).willReturn(TriggerEndpointIntegrationTests.COMPLETED);
	}

	static Stream<Arguments> bodies() {
		return Stream.of(
				// the example: `curl -d '{}'` sends exactly this
				Arguments.of("application/x-www-form-urlencoded", utf8("{}")),
				Arguments.of("application/x-www-form-urlencoded", utf8("a=1&b=%C3%A9&b=2")),
				Arguments.of("application/x-www-form-urlencoded; charset=UTF-8", utf8("note=h\u00e9llo")),
				Arguments.of("application/x-www-form-urlencoded", new byte[0]),
				Arguments.of("multipart/form-data; boundary=xyz",
						utf8("--xyz\r\nContent-Disposition: form-data; " + "name=\"a\"\r\n\r\n1\r\n--xyz--\r\n")),
				Arguments.of("text/plain", utf8("{}")), Arguments.of("text/plain; charset=UTF-8", utf8("h\u00e9llo")),
				Arguments.of("text/plain; charset=ISO-8859-1", "h\u00e9llo".getBytes(StandardCharsets.ISO_8859_1)),
				Arguments.of(null, utf8("{}")), Arguments.of(null, new byte[0]),
				Arguments.of("application/json", utf8("{}")),
				Arguments.of("application/json", utf8("{\"note\":\"h\u00e9llo \u20a6\"}")),
				// not valid UTF-8: a lone 0xFF, a truncated sequence, UTF-16 with a BOM
				Arguments.of("application/json", new byte[] { '{', (byte) 0xff, (byte) 0xfe, '}' }),
				Arguments.of("text/plain", new byte[] { 'h', (byte) 0xc3, '!' }),
				Arguments.of("application/json; charset=UTF-16", "{}".getBytes(StandardCharsets.UTF_16)),
				Arguments.of("application/octet-stream", HexFormat.of().parseHex("00ff10e2808b0d0a")));
	}

	@ParameterizedTest(name = "[{index}] {0}, {1}")
	@MethodSource("bodies")
	void signedBodyIsAcceptedWhateverItsContentType(String contentType, byte[] body) throws Exception {
		HttpResponse<String> response = post(contentType, body, this.signer.sign(signedUrl(), body));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("application/json"));
		assertThat(response.body()).contains("\"jobExecutionId\":41");
		then(this.jobRunService).should(times(1)).startNewRun(any());
	}

	@ParameterizedTest(name = "[{index}] {0}, {1}")
	@MethodSource("bodies")
	void oneChangedByteIsRefused(String contentType, byte[] body) throws Exception {
		byte[] changed = (body.length == 0) ? new byte[] { ' ' } : Arrays.copyOf(body, body.length);
		if (body.length > 0) {
			changed[changed.length - 1] ^= 0x01;
		}

		HttpResponse<String> response = post(contentType, changed, this.signer.sign(signedUrl(), body));

		assertThat(response.statusCode()).isEqualTo(489);
		assertThat(response.headers().firstValue("Upstash-NonRetryable-Error")).hasValue("true");
		assertThat(response.body()).contains("\"status\":489").contains("Missing or invalid Upstash-Signature");
		then(this.jobRunService).should(never()).startNewRun(any());
	}

	@Test
	void bodyLargerThanTheLimitIsRefusedWith413() throws Exception {
		byte[] body = new byte[1025];

		HttpResponse<String> response = post("application/json", body, this.signer.sign(signedUrl(), body));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":413").contains("larger than 1024 bytes");
		then(this.jobRunService).shouldHaveNoInteractions();
	}

	@Test
	void bodyAtTheLimitIsAccepted() throws Exception {
		byte[] body = new byte[1024];

		HttpResponse<String> response = post("application/json", body, this.signer.sign(signedUrl(), body));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static String signedUrl() {
		return TriggerEndpointIntegrationTests.PUBLIC_URL + TriggerProperties.PATH;
	}

	private HttpResponse<String> post(String contentType, byte[] body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + TriggerProperties.PATH))
			.header("Upstash-Signature", token)
			.header("Upstash-Message-Id", "msg_" + System.nanoTime())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
