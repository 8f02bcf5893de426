package ng.kinta.dedicatedaccounts.trigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM of the trigger in the middle of a run (what Kubernetes does in a rollout): the
 * application context is closed while Billstack takes 5 s per answer. The shutdown waits
 * for the run: every request in flight gets its answer recorded, none is sent after the
 * stop, and nobody is left with a request out.
 */
class TriggerShutdownIntegrationTests {

	private static final String GENERATE_PATH = "/v2/thirdparty/generateVirtualAccount/";

	private final JsonMapper json = JsonMapper.builder().build();

	private MongoServer mongo;

	private GreenMail smtp;

	private WireMockServer billstack;

	@BeforeEach
	void startServices() {
		this.mongo = new MongoServer(new MemoryBackend());
		this.mongo.bind("127.0.0.1", 0);
		try (MongoClient client = mongoClient()) {
			client.getDatabase("kinta").getCollection("users").insertMany(sample("users.json"));
			client.getDatabase("kinta").getCollection("accounts").insertMany(sample("accounts.json"));
		}
		this.smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		this.smtp.start();
		this.billstack = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.billstack.start();
		this.billstack.stubFor(WireMock.post(urlPathEqualTo(GENERATE_PATH))
			.willReturn(WireMock.aResponse()
				.withStatus(200)
				.withFixedDelay(5000)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"""
								{"status":true,"message":"Account created","data":{"reference":"{{jsonPath request.body '$.reference'}}",
								"account":[{"account_number":"9{{randomValue length=9 type='NUMERIC'}}","account_name":"Kinta-Test",
								"bank_name":"PALMPAY Bank","bank_id":"PALMPAY","created_at":"2026-11-29 10:00:00"}],
								"meta":{"firstName":"x","lastName":"y","email":"z"}}}""")
				.withTransformers("response-template")));
	}

	@AfterEach
	void stopServices() {
		this.billstack.stop();
		this.smtp.stop();
		this.mongo.shutdownNow();
	}

	@Test
	void closingTheContextMidRunWaitsForTheRequestsInFlightAndLeavesNoRequestOut() throws Exception {
		// given: a delivery whose run has requests out at a 5 s Billstack
		ConfigurableApplicationContext context = start();
		TriggerProperties properties = context.getBean(TriggerProperties.class);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		CompletableFuture<String> delivery = CompletableFuture.supplyAsync(() -> deliver(properties, port));
		await().atMost(Duration.ofSeconds(60)).until(() -> requests().size() >= 4);

		// when: SIGTERM (Boot's shutdown hook closes the context)
		context.close();

		// then: nothing more was sent once the stop was asked
		List<LoggedRequest> sent = requests();
		assertThat(sent).hasSize(4);
		Map<String, Integer> perUser = new HashMap<>();
		for (LoggedRequest request : sent) {
			perUser.merge(this.json.readTree(request.getBodyAsString()).path("reference").asString(), 1, Integer::sum);
		}
		assertThat(perUser).hasSize(4).allSatisfy((user, count) -> assertThat(count).isOne());
		// and: the close returned only once every answer was recorded: no request is left
		// out
		try (MongoClient client = mongoClient()) {
			var users = client.getDatabase("kinta").getCollection("users");
			assertThat(users.countDocuments(Filters.eq("accountProvisioning.state", "REQUEST_SENT"))).isZero();
			assertThat(users.countDocuments(Filters.in("accountProvisioning.state", "ACCOUNT_CREATED", "PROVISIONED")))
				.isGreaterThanOrEqualTo(4);
		}
		assertThat(delivery).succeedsWithin(Duration.ofSeconds(30));
	}

	private ConfigurableApplicationContext start() {
		// command-line arguments: above application.yml and the environment
		Map<String, String> settings = Map.ofEntries(Map.entry("spring.profiles.active", "demo"),
				Map.entry("spring.datasource.url", "jdbc:h2:mem:trigger-shutdown;DB_CLOSE_DELAY=-1"),
				Map.entry("server.port", "0"), Map.entry("management.server.port", "0"),
				Map.entry("app.job.max-users-per-run", "8"), Map.entry("app.job.concurrency", "4"),
				Map.entry("app.job.chunk-size", "4"), Map.entry("app.billstack.read-timeout", "10s"),
				Map.entry("app.mongodb.uri",
						"mongodb://127.0.0.1:" + this.mongo.getLocalAddress().getPort() + "/kinta"),
				Map.entry("spring.mail.host", "127.0.0.1"),
				Map.entry("spring.mail.port", String.valueOf(this.smtp.getSmtp().getPort())),
				Map.entry("SMTP_AUTH", "false"), Map.entry("SMTP_STARTTLS", "false"),
				Map.entry("MAIL_FROM", "Kinta <accounts@kinta.example>"),
				Map.entry("app.billstack.base-url", this.billstack.baseUrl()),
				Map.entry("app.billstack.secret-key", "shutdown-test-key"),
				Map.entry("NEXT_PUBLIC_API_URL", "https://trigger.example.test"),
				Map.entry("QSTASH_CURRENT_SIGNING_KEY", "sig_ShutdownCurrentSigningKey0123456"),
				Map.entry("QSTASH_NEXT_SIGNING_KEY", "sig_ShutdownNextSigningKey012345678"));
		return new SpringApplicationBuilder(TriggerFunctionApplication.class).run(settings.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new));
	}

	private String deliver(TriggerProperties properties, int port) {
		QstashTokenSigner signer = new QstashTokenSigner(properties.signing().currentKey(), Clock.systemUTC());
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		return RestClient.create("http://localhost:" + port)
			.post()
			.uri(TriggerProperties.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Upstash-Signature", signer.sign(properties.endpointUrl(), body))
			.header("Upstash-Message-Id", "msg_shutdown")
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value() + " "
					+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
	}

	private List<LoggedRequest> requests() {
		return this.billstack.findAll(postRequestedFor(urlPathEqualTo(GENERATE_PATH)));
	}

	private MongoClient mongoClient() {
		return MongoClients.create("mongodb://127.0.0.1:" + this.mongo.getLocalAddress().getPort() + "/kinta");
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

}
