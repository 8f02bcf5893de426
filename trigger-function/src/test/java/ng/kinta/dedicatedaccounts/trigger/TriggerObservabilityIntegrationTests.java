package ng.kinta.dedicatedaccounts.trigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.channel.Channel;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see of the trigger: the probes on the management port as MongoDB and the
 * mail relay go down, the Prometheus scrape after a run (Spring Batch's job and step
 * meters and the project's), and a run's log lines in ECS JSON with its ids. MongoDB
 * (mongo-java-server) and SMTP (GreenMail) are in-process so the test can stop them;
 * Billstack is a WireMock stand-in that creates every account at the first bank.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TriggerFunctionApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:trigger-observability;DB_CLOSE_DELAY=-1",
				"logging.structured.format.console=ecs", "app.job.max-users-per-run=5", "SMTP_AUTH=false",
				"SMTP_STARTTLS=false", "MAIL_FROM=Kinta <accounts@kinta.example>",
				"NEXT_PUBLIC_API_URL=https://trigger.example.test", "app.health.mail-check-interval=0s",
				"QSTASH_CURRENT_SIGNING_KEY=sig_ObservabilityCurrentSigningKey01",
				"QSTASH_NEXT_SIGNING_KEY=sig_ObservabilityNextSigningKey0123" })
class TriggerObservabilityIntegrationTests {

	private static final MongoServer MONGO = startMongo();

	private static final GreenMail SMTP = startSmtp();

	private static final WireMockServer BILLSTACK = StandIns.startBillstackCreatingAccounts();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private TriggerProperties properties;

	@Autowired
	private MongoTemplate mongoTemplate;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		// a stopped server must fail the health check in a second, not the driver's 30 s
		registry.add("MONGO_DB_URI", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort()
				+ "/kinta?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000");
		registry.add("SMTP_HOST", () -> "127.0.0.1");
		registry.add("SMTP_PORT", () -> SMTP.getSmtp().getPort());
		registry.add("BILLSTACK_BASE_URL", BILLSTACK::baseUrl);
		registry.add("BILL_STACK_SECRET_KEY", () -> "observability-test-key");
	}

	// Spring Boot configures logging once per JVM (tests share one) and keeps the format
	// in a system property: start from scratch, and leave no JSON behind
	@BeforeAll
	static void resetLogging() {
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
		LoggingSystem.get(TriggerObservabilityIntegrationTests.class.getClassLoader()).cleanUp();
	}

	@AfterAll
	static void stopServers() {
		SMTP.stop();
		MONGO.shutdownNow();
		BILLSTACK.stop();
		resetLogging();
	}

	@Test
	void aRunIsMeasuredLoggedAndProbed(CapturedOutput output) {
		// given: a signed delivery ran the job
		String token = sign();
		JsonNode summary = this.json.readTree(post(token, "msg_observed").body());
		long jobExecutionId = summary.path("jobExecutionId").asLong();
		assertThat(summary.path("data").path("successCount").asLong()).isEqualTo(5);

		// then: Prometheus shows Spring Batch's job and step meters and the project's
		String scrape = management("/actuator/prometheus").body();
		assertThat(scrape).containsPattern(
				"spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"createDedicatedAccountsJob\"[^}]*} 1")
			.containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"provisionAccountsStep\"")
			.containsPattern("dedicated_accounts_accounts_opened_total\\{[^}]*bank=\"PALMPAY\"[^}]*} 5")
			.containsPattern(
					"dedicated_accounts_billstack_requests_seconds_count\\{[^}]*bank=\"PALMPAY\",exception=\"none\",outcome=\"created\"[^}]*} 5")
			.containsPattern("dedicated_accounts_emails_total\\{[^}]*outcome=\"sent\"[^}]*} 5")
			.contains("dedicated_accounts_emails_pending");

		// and: every line of the run carries its ids, in ECS JSON
		List<JsonNode> runLines = output.getAll()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains("\"jobExecutionId\""))
			.map(this.json::readTree)
			.toList();
		assertThat(runLines).isNotEmpty().allSatisfy((line) -> {
			assertThat(line.path("jobExecutionId").asString()).isEqualTo(String.valueOf(jobExecutionId));
			assertThat(line.path("triggerSource").asString()).isEqualTo("qstash");
			assertThat(line.path("messageId").asString()).isEqualTo("msg_observed");
			assertThat(line.path("ecs").path("version").isMissingNode()).isFalse();
		});
		assertThat(runLines)
			.anySatisfy((line) -> assertThat(line.path("process").path("thread").path("name").asString())
				.startsWith("billstack-"));
		assertThat(runLines).anySatisfy((line) -> assertThat(line.path("message").asString())
			.startsWith("Trigger request answered 200: job execution " + jobExecutionId + " COMPLETED, 5 processed"));

		// when: the same token comes again (a captured delivery), under its message id or
		// another one: refused, and remembered in MongoDB under a TTL index
		assertThat(post(token, "msg_observed").status()).isEqualTo(401);
		assertThat(post(token, "msg_chosen_by_the_attacker").status()).isEqualTo(401);
		assertThat(this.mongoTemplate.getCollection("qstashUsedTokens").countDocuments()).isOne();
		assertThat(this.mongoTemplate.getCollection("qstashUsedTokens").listIndexes())
			.anyMatch((index) -> index.get("expireAfterSeconds") instanceof Number ttl && ttl.longValue() == 0);
		// when: QStash redelivers the message, with a new token as for every attempt: the
		// message's run answers again, no second run
		Probe redelivered = post(sign(), "msg_observed");
		assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(200);
		assertThat(this.json.readTree(redelivered.body()).path("jobExecutionId").asLong()).isEqualTo(jobExecutionId);

		// and: everything is up; components show their status, never their details
		Probe up = management("/actuator/health");
		assertThat(up.status()).as(up.body()).isEqualTo(200);
		assertThat(this.json.readTree(up.body()).path("components").path("mail").path("status").asString())
			.isEqualTo("UP");
		assertThat(up.body()).doesNotContain("\"details\"").doesNotContain("127.0.0.1").doesNotContain("location");
		assertThat(management("/actuator/health/readiness").status()).isEqualTo(200);

		// when: the database has no users collection (a mistyped name), it is not ready
		MongoDatabase database = this.mongoTemplate.getDb();
		database.getCollection("users").renameCollection(new MongoNamespace(database.getName(), "users_aside"));
		Probe withoutUsers = management("/actuator/health/readiness");
		database.getCollection("users_aside").renameCollection(new MongoNamespace(database.getName(), "users"));
		assertThat(withoutUsers.status()).isEqualTo(503);
		assertThat(this.json.readTree(withoutUsers.body())
			.path("components")
			.path("usersCollection")
			.path("status")
			.asString()).isEqualTo("DOWN");
		assertThat(management("/actuator/health/readiness").status()).isEqualTo(200);

		// when: the mail relay goes down, the trigger is unhealthy but stays ready
		SMTP.stop();
		Probe health = management("/actuator/health");
		assertThat(health.status()).isEqualTo(503);
		assertThat(this.json.readTree(health.body()).path("components").path("mail").path("status").asString())
			.isEqualTo("DOWN");
		assertThat(management("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(management("/actuator/health/liveness").status()).isEqualTo(200);

		// when: MongoDB goes down, the trigger is no longer ready, but still alive
		MONGO.shutdownNow();
		Probe readiness = management("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(503);
		JsonNode components = this.json.readTree(readiness.body()).path("components");
		assertThat(components.path("mongo").path("status").asString()).isEqualTo("DOWN");
		assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
		assertThat(components.has("mail")).isFalse();
		assertThat(management("/actuator/health/liveness").status()).isEqualTo(200);
	}

	@Test
	void infoShowsTheBuild() {
		JsonNode info = this.json.readTree(management("/actuator/info").body());

		assertThat(info.path("build").path("artifact").asString()).isEqualTo("trigger-function");
	}

	private String sign() {
		QstashTokenSigner signer = new QstashTokenSigner(this.properties.signing().currentKey(), Clock.systemUTC());
		return signer.sign(this.properties.endpointUrl(), "{}".getBytes(StandardCharsets.UTF_8));
	}

	private Probe post(String token, String messageId) {
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri(TriggerProperties.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Upstash-Signature", token)
			.header("Upstash-Message-Id", messageId)
			.body("{}".getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> new Probe(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	private Probe management(String path) {
		return RestClient.create("http://localhost:" + this.managementPort)
			.get()
			.uri(path)
			.exchange((request, response) -> new Probe(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	private static MongoServer startMongo() {
		MongoServer server = new MongoServer(new MemoryBackend() {

			// Boot's health check sends "hello", which mongo-java-server knows as
			// "isMaster"
			@Override
			public de.bwaldvogel.mongo.bson.Document handleCommand(Channel channel, String database, String command,
					de.bwaldvogel.mongo.bson.Document query) {
				return super.handleCommand(channel, database, "hello".equals(command) ? "isMaster" : command, query);
			}

		});
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/kinta")) {
			client.getDatabase("kinta").getCollection("users").insertMany(sample("users.json"));
			client.getDatabase("kinta").getCollection("accounts").insertMany(sample("accounts.json"));
		}
		return server;
	}

	private static List<Document> sample(String file) {
		try {
			String text = new ClassPathResource("demo/kinta-sample/" + file).getContentAsString(StandardCharsets.UTF_8);
			return text.lines().filter((line) -> !line.isBlank()).map(Document::parse).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GreenMail startSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		greenMail.start();
		return greenMail;
	}

	private record Probe(int status, String body) {
	}

}
