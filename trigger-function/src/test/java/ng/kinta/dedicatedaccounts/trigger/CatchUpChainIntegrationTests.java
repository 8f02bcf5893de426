package ng.kinta.dedicatedaccounts.trigger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import ng.kinta.dedicatedaccounts.batch.run.JobExecutionView;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog drained through chained catch-up runs: the whole trigger with the real job on
 * in-process MongoDB, Billstack (WireMock), SMTP, and a WireMock QStash that records
 * every publish; the test delivers each recorded publish the way QStash would (signed,
 * its forwarded header, a message id of its own) once its run has answered. A second
 * trigger process over the same MongoDB and job repository stands for a restart.
 */
class CatchUpChainIntegrationTests {

	static final String CURRENT_KEY = "sig_CatchUpChainCurrentKey000001";

	static final String TOKEN = "qstash-token-chain-5b21";

	static final String PUBLIC_URL = "https://trigger.example.test";

	static final String ENDPOINT = PUBLIC_URL + TriggerProperties.PATH;

	static final int USERS = 7;

	private static final MongoServer MONGO = startMongo();

	private static final GreenMail SMTP = startSmtp();

	private static final WireMockServer BILLSTACK = StandIns.startWireMock();

	private static final WireMockServer QSTASH = StandIns.startWireMock();

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterAll
	static void stopServers() {
		SMTP.stop();
		MONGO.shutdownNow();
		BILLSTACK.stop();
		QSTASH.stop();
	}

	@Test
	void aBacklogDrainsThroughChainedDeliveriesEachUserProvisionedOnceAndEachRunChainedOnce() {
		// given
		StandIns.createBillstackAccounts(BILLSTACK);
		stubQstash();
		List<JsonNode> catchUps = new ArrayList<>();
		List<JobExecutionView> history;
		String runsPage;
		try (ConfigurableApplicationContext trigger = startTrigger()) {
			// when: the scheduled delivery runs, and QStash redelivers it
			JsonNode scheduled = body(
					deliver(trigger, "msg_scheduled", "{}".getBytes(StandardCharsets.UTF_8), "application/json", null));
			JsonNode redelivered = body(
					deliver(trigger, "msg_scheduled", "{}".getBytes(StandardCharsets.UTF_8), "application/json", null));

			// then: one catch-up, none for the redelivery
			assertThat(scheduled.path("data").path("successCount").asLong()).isEqualTo(3);
			assertThat(scheduled.path("catchUpScheduledIn").asLong()).isEqualTo(120);
			assertThat(scheduled.path("oldestWaitingSince").asString()).isEqualTo("2023-11-14T22:13:23Z");
			assertThat(redelivered).isEqualTo(scheduled);
			assertThat(publishes()).hasSize(1);
		}
		try (ConfigurableApplicationContext restarted = startTrigger()) {
			// when: after a restart of the trigger, the parent arrives once more
			JsonNode again = body(deliver(restarted, "msg_scheduled", "{}".getBytes(StandardCharsets.UTF_8),
					"application/json", null));

			// then: the job repository remembers its catch-up
			assertThat(again.path("catchUpScheduledIn").asLong()).isEqualTo(120);
			assertThat(publishes()).hasSize(1);

			// when: QStash delivers each published catch-up in turn (twice each, as it
			// may)
			for (int delivered = 1; delivered < 10 && publishes().size() >= delivered; delivered++) {
				LoggedRequest publish = publishes().get(delivered - 1);
				String messageId = "msg_" + publish.getHeader("Upstash-Deduplication-Id");
				catchUps.add(body(deliverPublished(restarted, publish, messageId)));
				body(deliverPublished(restarted, publish, messageId));
			}
			history = restarted.getBean(JobRunService.class).recentExecutions(10);
			runsPage = RestClient
				.create("http://localhost:" + restarted.getEnvironment().getProperty("local.server.port"))
				.get()
				.uri("/runs")
				.headers((headers) -> headers.setBasicAuth("operator", "runs-password-5b21"))
				.retrieve()
				.body(String.class);
		}

		// then: 3 + 3 + 1 users; the last run leaves nobody and chains nothing
		assertThat(catchUps).extracting((summary) -> summary.path("data").path("successCount").asLong())
			.containsExactly(3L, 1L);
		assertThat(catchUps).extracting((summary) -> summary.path("data").path("remainingUsers").asLong())
			.containsExactly(1L, 0L);
		assertThat(catchUps.get(0).path("catchUpScheduledIn").asLong()).isEqualTo(120);
		assertThat(catchUps.get(1).path("catchUpScheduledIn").isNull()).isTrue();
		assertThat(catchUps.get(1).path("oldestWaitingSince").isNull()).isTrue();
		assertThat(publishes()).extracting((publish) -> publish.getHeader("Upstash-Deduplication-Id"))
			.containsExactly("catch-up-msg_scheduled", "catch-up-msg_catch-up-msg_scheduled");
		// each user asked for once at Billstack and given one account
		Set<String> references = new HashSet<>();
		List<LoggedRequest> created = BILLSTACK.findAll(postRequestedFor(urlPathEqualTo(BILLSTACK_PATH)));
		for (LoggedRequest request : created) {
			references.add(this.json.readTree(request.getBodyAsString()).path("reference").asString());
		}
		assertThat(created).hasSize(USERS);
		assertThat(references).hasSize(USERS);
		assertThat(accountsCreated()).isEqualTo(USERS);
		// the run history names the catch-up runs
		assertThat(history).extracting(JobExecutionView::trigger).containsExactly("catch-up", "catch-up", "qstash");
		// and the run page marks them
		assertThat(runsPage.split("class=\"catch-up\"", -1)).hasSize(3);
	}

	private static ConfigurableApplicationContext startTrigger() {
		// command-line arguments: they win over application.yml, as on a real host
		return new SpringApplicationBuilder(TriggerFunctionApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.datasource.url=jdbc:h2:mem:catch-up-chain;DB_CLOSE_DELAY=-1",
				"--NEXT_PUBLIC_API_URL=" + PUBLIC_URL, "--QSTASH_CURRENT_SIGNING_KEY=" + CURRENT_KEY,
				"--QSTASH_NEXT_SIGNING_KEY=sig_CatchUpChainNextKey0000000002", "--QSTASH_TOKEN=" + TOKEN,
				"--QSTASH_URL=" + QSTASH.baseUrl(), "--BILL_STACK_SECRET_KEY=bs-catch-up",
				"--BILLSTACK_BASE_URL=" + BILLSTACK.baseUrl(),
				"--MONGO_DB_URI=mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort() + "/kinta",
				"--SMTP_HOST=127.0.0.1", "--SMTP_PORT=" + SMTP.getSmtp().getPort(), "--SMTP_STARTTLS=false",
				"--RUNS_USERNAME=operator", "--RUNS_PASSWORD=runs-password-5b21", "--HOST_EMAIL=relay@kinta.example",
				"--HOST_EMAIL_PASSWORD=relay-password", "--MAIL_FROM=Kinta <accounts@kinta.example>",
				"--app.job.max-users-per-run=3", "--app.billstack.initial-backoff=5ms",
				"--app.billstack.max-backoff=20ms");
	}

	private static final String BILLSTACK_PATH = StandIns.GENERATE_PATH;

	private static long accountsCreated() {
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort() + "/kinta")) {
			return client.getDatabase("kinta")
				.getCollection("accounts")
				.countDocuments(new Document("hasDedicatedAccountNumber", true));
		}
	}

	private static List<LoggedRequest> publishes() {
		return QSTASH.findAll(postRequestedFor(urlPathMatching("/v2/publish/.*")));
	}

	private ResponseEntity<String> deliverPublished(ConfigurableApplicationContext trigger, LoggedRequest publish,
			String messageId) {
		assertThat(publish.getUrl()).isEqualTo("/v2/publish/" + ENDPOINT);
		assertThat(publish.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
		// QStash strips Upstash-Forward- and delivers the rest of the name
		String source = publish.getHeader("Upstash-Forward-Trigger-Source");
		return deliver(trigger, messageId, publish.getBody(), publish.getHeader("Content-Type"), source);
	}

	private ResponseEntity<String> deliver(ConfigurableApplicationContext trigger, String messageId, byte[] body,
			String contentType, String triggerSource) {
		String token = new QstashTokenSigner(CURRENT_KEY, Clock.systemUTC()).sign(ENDPOINT, body);
		return RestClient.create("http://localhost:" + trigger.getEnvironment().getProperty("local.server.port"))
			.post()
			.uri(TriggerProperties.PATH)
			.header("Content-Type", contentType)
			.header("Upstash-Signature", token)
			.header("Upstash-Message-Id", messageId)
			.headers((headers) -> {
				if (triggerSource != null) {
					headers.add("Trigger-Source", triggerSource);
				}
			})
			.body(body)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	private JsonNode body(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return this.json.readTree(response.getBody());
	}

	private static void stubQstash() {
		QSTASH.stubFor(WireMock.post(urlPathMatching("/v2/publish/.*"))
			.willReturn(WireMock.aResponse()
				.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"messageId\":\"msg_{{request.headers.Upstash-Deduplication-Id}}\"}")
				.withTransformers("response-template")));
		QSTASH.stubFor(WireMock.get(urlPathEqualTo("/v2/schedules/create-dedicated-accounts"))
			.willReturn(
					WireMock.jsonResponse("{\"scheduleId\":\"create-dedicated-accounts\",\"isPaused\":false}", 200)));
	}

	private static MongoServer startMongo() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/kinta")) {
			List<Document> users = new ArrayList<>();
			for (int i = 0; i < USERS; i++) {
				users.add(new Document("_id", new ObjectId()).append("fullName", "Chain User" + (char) ('a' + i))
					.append("auth", new Document("email", "chain." + i + "@example.test"))
					.append("phoneNumber", "0803000000" + i)
					.append("isEmailVerified", true)
					.append("status", "active")
					.append("createdAt", new java.util.Date(1_700_000_000_000L + i * 1000L)));
			}
			client.getDatabase("kinta").getCollection("users").insertMany(users);
			client.getDatabase("kinta").createCollection("accounts");
		}
		return server;
	}

	private static GreenMail startSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		greenMail.start();
		greenMail.setUser("relay@kinta.example", "relay@kinta.example", "relay-password");
		return greenMail;
	}

}
