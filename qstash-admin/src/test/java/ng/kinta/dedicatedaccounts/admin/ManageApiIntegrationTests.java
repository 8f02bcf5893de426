package ng.kinta.dedicatedaccounts.admin;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/cron/manage} over real HTTP, against the QStash stand-in: every action
 * sends the exact QStash request and answers with its result; QStash failures become 502
 * without the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ManageApiIntegrationTests {

	private static final String TOKEN = "qstash-http-token-1a2b3c";

	private static final String SIGNATURE = "manage-signature-4d5e6f";

	private static final String DESTINATION = "https://app.example.com/api/cron/create-dedicated-accounts";

	private static final QstashStandIn standIn = new QstashStandIn(TOKEN);

	@RegisterExtension
	static WireMockExtension qstash = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(standIn))
		.build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("qstash.url", qstash::baseUrl);
		registry.add("qstash.token", () -> TOKEN);
		registry.add("app.schedule.public-api-url", () -> "https://app.example.com");
		registry.add("app.manage.signature", () -> SIGNATURE);
	}

	@LocalServerPort
	private int port;

	private RestClient http;

	@BeforeEach
	void setUp() {
		standIn.reset();
		qstash.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(QstashStandIn.NAME)));
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	@Test
	void scheduleTwiceCreatesOneScheduleWithTheExactQstashRequest() {
		ResponseEntity<String> first = manage("schedule", null);
		ResponseEntity<String> second = manage("schedule", null);

		assertThat(first.getStatusCode().value()).isEqualTo(200);
		assertThat(second.getBody()).isEqualTo(first.getBody())
			.contains("\"scheduleId\":\"create-dedicated-accounts\"")
			.contains("\"destination\":\"" + DESTINATION + "\"");
		qstash.verify(2,
				postRequestedFor(urlEqualTo("/v2/schedules/" + DESTINATION))
					.withHeader("Authorization", equalTo("Bearer " + TOKEN))
					.withHeader("Upstash-Schedule-Id", equalTo("create-dedicated-accounts"))
					.withHeader("Upstash-Cron", equalTo("0 */3 * * *"))
					.withHeader("Upstash-Retries", equalTo("3"))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson("{}")));
		assertThat(standIn.schedules()).hasSize(1);
	}

	@Test
	void listReturnsQstashsSchedulesAsAnArray() {
		manage("schedule", null);

		ResponseEntity<String> response = manage("list", null);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).startsWith("[")
			.contains("\"scheduleId\":\"create-dedicated-accounts\"")
			.contains("\"isPaused\":false")
			.contains("\"callerIp\":\"127.0.0.1\"");
		qstash.verify(
				getRequestedFor(urlEqualTo("/v2/schedules")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void pauseResumeAndDeleteSendTheExactQstashRequests() {
		manage("schedule", null);

		assertThat(manage("pause", "create-dedicated-accounts").getStatusCode().value()).isEqualTo(200);
		assertThat(standIn.schedules().get(0)).containsEntry("isPaused", true);
		assertThat(manage("resume", "create-dedicated-accounts").getStatusCode().value()).isEqualTo(200);
		assertThat(standIn.schedules().get(0)).containsEntry("isPaused", false);
		assertThat(manage("delete", "create-dedicated-accounts").getBody())
			.isEqualTo("{\"status\":\"ok\",\"action\":\"delete\",\"scheduleId\":\"create-dedicated-accounts\"}");

		assertThat(standIn.schedules()).isEmpty();
		qstash.verify(patchRequestedFor(urlEqualTo("/v2/schedules/create-dedicated-accounts/pause"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		qstash.verify(patchRequestedFor(urlEqualTo("/v2/schedules/create-dedicated-accounts/resume"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		qstash.verify(deleteRequestedFor(urlEqualTo("/v2/schedules/create-dedicated-accounts"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			401 | {"error":"invalid token"}
			404 | {"error":"schedule not found"}
			429 | {"error":"too many requests"}
			500 | {"error":"internal server error"}
			""")
	void qstashFailuresAre502WithQstashsMessage(int status, String body) {
		qstash.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(status).withBody(body)));

		ResponseEntity<String> response = manage("delete", "abc");

		assertThat(response.getStatusCode().value()).isEqualTo(502);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody()).contains(body.substring(10, body.length() - 2))
			.contains("\"qstashStatus\":" + status)
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void tokenNeverAppearsInTheErrorResponseOrLogEvenWhenQstashEchoesIt(CapturedOutput output) {
		qstash.stubFor(any(anyUrl()).atPriority(1)
			.willReturn(aResponse().withStatus(401).withBody("{\"error\":\"token " + TOKEN + " is not valid\"}")));

		ResponseEntity<String> response = manage("list", null);

		assertThat(response.getStatusCode().value()).isEqualTo(502);
		assertThat(response.getBody()).contains("is not valid").doesNotContain(TOKEN).doesNotContain(SIGNATURE);
		assertThat(output.getAll()).contains("QStash call failed").doesNotContain(TOKEN).doesNotContain(SIGNATURE);
	}

	@Test
	void wrongSignatureIs401AndNothingReachesQstash() {
		ResponseEntity<String> response = post("{\"action\":\"list\",\"signature\":\"nope\"}");

		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).doesNotContain(SIGNATURE);
		assertThat(qstash.getAllServeEvents()).isEmpty();
	}

	@Test
	void malformedJsonIs400() {
		ResponseEntity<String> response = post("{\"action\":");

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("Malformed JSON request body");
	}

	private ResponseEntity<String> manage(String action, String scheduleId) {
		String id = (scheduleId != null) ? ",\"scheduleId\":\"" + scheduleId + "\"" : "";
		return post("{\"action\":\"" + action + "\"" + id + ",\"signature\":\"" + SIGNATURE + "\"}");
	}

	private ResponseEntity<String> post(String json) {
		return this.http.post()
			.uri("/api/cron/manage")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(String.class);
	}

}
