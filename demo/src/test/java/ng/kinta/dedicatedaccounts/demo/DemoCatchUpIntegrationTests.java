package ng.kinta.dedicatedaccounts.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import ng.kinta.dedicatedaccounts.batch.run.JobExecutionView;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.trigger.TriggerFunctionApplication;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample backlog drained as {@code demo.jar trigger} and one {@code test-cron} drain
 * it: one signed delivery, then catch-up runs published to the demo's QStash stand-in,
 * which delivers each after the demo's 6 s delay, until no eligible user is left. A
 * recording Billstack stand-in counts the requests per user.
 */
@SpringBootTest(classes = { TriggerFunctionApplication.class, DemoSigningKeysNotice.class },
		webEnvironment = WebEnvironment.DEFINED_PORT, properties = { "spring.profiles.active=demo",
				"spring.datasource.url=jdbc:h2:mem:catch-up-drain;DB_CLOSE_DELAY=-1" })
class DemoCatchUpIntegrationTests {

	private static final int PORT = freePort();

	private static final String BILLSTACK_PATH = "/v2/thirdparty/generateVirtualAccount/";

	private static final WireMockServer BILLSTACK = startBillstack();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private TriggerProperties properties;

	@Autowired
	private JobRunService runs;

	@Autowired
	private MongoTemplate mongoTemplate;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		Path data = Files.createTempDirectory("catch-up-drain");
		registry.add("app.demo.data-dir", data::toString);
		registry.add("server.port", () -> PORT);
		// a fixed port, unlike RANDOM_PORT: keep the management port off the default
		int management = freePort();
		registry.add("management.server.port", () -> management);
		registry.add("BILLSTACK_BASE_URL", BILLSTACK::baseUrl);
	}

	@AfterAll
	static void stopBillstack() {
		BILLSTACK.stop();
	}

	@Test
	void oneScheduledDeliveryDrainsTheSampleBacklogInFourChainedRuns() {
		// given: the demo's 153 eligible sample users
		assertThat(this.properties.endpointUrl()).isEqualTo("http://localhost:" + PORT + TriggerProperties.PATH);

		// when: one delivery, as test-cron sends it
		JsonNode first = deliver("msg_test_drain");

		// then: it chains a catch-up, and the chain goes on without another command
		assertThat(first.path("data").path("successCount").asLong()).isEqualTo(50);
		assertThat(first.path("catchUpScheduledIn").asLong()).isEqualTo(6);
		assertThat(first.path("oldestWaitingSince").asString()).isNotBlank();
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(this.runs.recentExecutions(10)).hasSize(4)
				.allSatisfy((run) -> assertThat(run.status()).isEqualTo("COMPLETED")));
		List<JobExecutionView> history = this.runs.recentExecutions(10);
		assertThat(history).extracting(JobExecutionView::trigger)
			.containsExactly("catch-up", "catch-up", "catch-up", "qstash");
		assertThat(history).extracting(JobExecutionView::writeCount).containsExactly(3L, 50L, 50L, 50L);
		assertThat(this.runs.summaryOf(history.get(0).jobExecutionId()).orElseThrow().catchUpScheduledIn()).isNull();
		// each eligible user asked for once at Billstack, and given one account
		Map<String, Integer> requestsByUser = new HashMap<>();
		for (LoggedRequest request : BILLSTACK.findAll(postRequestedFor(urlPathEqualTo(BILLSTACK_PATH)))) {
			requestsByUser.merge(this.json.readTree(request.getBodyAsString()).path("reference").asString(), 1,
					Integer::sum);
		}
		assertThat(requestsByUser).hasSize(153).allSatisfy((user, requests) -> assertThat(requests).isOne());
		assertThat(this.mongoTemplate.getCollection("accounts")
			.countDocuments(new Document("hasDedicatedAccountNumber", true).append("createdAt",
					new Document("$gte", java.util.Date.from(java.time.Instant.now().minusSeconds(600))))))
			.isEqualTo(153);
	}

	private JsonNode deliver(String messageId) {
		QstashTokenSigner signer = new QstashTokenSigner(this.properties.signing().currentKey(), Clock.systemUTC());
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String answer = RestClient.create("http://localhost:" + PORT)
			.post()
			.uri(TriggerProperties.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Upstash-Signature", signer.sign(this.properties.endpointUrl(), body))
			.header("Upstash-Message-Id", messageId)
			.body(body)
			.retrieve()
			.body(String.class);
		return this.json.readTree(answer);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static WireMockServer startBillstack() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().containerThreads(32));
		server.start();
		server.stubFor(WireMock.post(urlPathEqualTo(BILLSTACK_PATH))
			.willReturn(WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"""
								{"status":true,"message":"Account created","data":{"reference":"{{jsonPath request.body '$.reference'}}",
								"account":[{"account_number":"91{{randomValue length=8 type='NUMERIC'}}","account_name":"Kinta-{{jsonPath request.body '$.firstName'}}",
								"bank_name":"PalmPay","bank_id":"PALMPAY","created_at":"2026-11-29 10:00:00"}],
								"meta":{"firstName":"{{jsonPath request.body '$.firstName'}}","lastName":"{{jsonPath request.body '$.lastName'}}",
								"email":"{{jsonPath request.body '$.email'}}"}}}""")
				.withTransformers("response-template")));
		return server;
	}

}
