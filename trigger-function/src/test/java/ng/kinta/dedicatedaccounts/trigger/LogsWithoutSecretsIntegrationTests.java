package ng.kinta.dedicatedaccounts.trigger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole trigger with every logger at DEBUG: a signed delivery, the run it starts
 * (Billstack, MongoDB, the account emails over an SMTP login), the alert it raises (a
 * skipped user: webhook and email), a look at the run history and a search for a user by
 * email in the console. Not one line of the output may carry a secret of the fixture
 * (signing keys, the token, the Billstack key, the relay's password, the webhook's secret
 * path, the run-history password), the delivery's body, or a user's email address, phone
 * number or name.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@SpringBootTest(classes = TriggerFunctionApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.root=DEBUG", "spring.datasource.url=jdbc:h2:mem:log-secrets;DB_CLOSE_DELAY=-1",
				"NEXT_PUBLIC_API_URL=https://trigger.example.test",
				"QSTASH_CURRENT_SIGNING_KEY=" + LogsWithoutSecretsIntegrationTests.CURRENT_KEY,
				"QSTASH_NEXT_SIGNING_KEY=" + LogsWithoutSecretsIntegrationTests.NEXT_KEY,
				"BILL_STACK_SECRET_KEY=" + LogsWithoutSecretsIntegrationTests.BILLSTACK_KEY,
				"HOST_EMAIL=" + LogsWithoutSecretsIntegrationTests.RELAY_USER,
				"HOST_EMAIL_PASSWORD=" + LogsWithoutSecretsIntegrationTests.RELAY_PASSWORD, "SMTP_STARTTLS=false",
				"MAIL_FROM=Kinta <accounts@kinta.example>",
				"ALERT_EMAIL=" + LogsWithoutSecretsIntegrationTests.ALERT_EMAIL, "RUNS_USERNAME=operator",
				"RUNS_PASSWORD=" + LogsWithoutSecretsIntegrationTests.RUNS_PASSWORD,
				"app.billstack.initial-backoff=5ms", "app.billstack.max-backoff=20ms" })
class LogsWithoutSecretsIntegrationTests {

	static final String CURRENT_KEY = "sig_LogScanCurrentKey00000009c41";

	static final String NEXT_KEY = "sig_LogScanNextKey00000000009c42";

	static final String BILLSTACK_KEY = "bs-secret-key-9c41";

	static final String RELAY_USER = "relay-login-9c41@kinta.example";

	static final String RELAY_PASSWORD = "relay-password-9c41";

	static final String WEBHOOK_SECRET = "whk-secret-9c41";

	static final String ALERT_EMAIL = "ops-9c41@kinta.example";

	static final String RUNS_PASSWORD = "runs-password-9c41";

	static final String BODY = "{\"probe\":\"delivery-body-9c41\"}";

	/** The users: name, email, phone as stored, and the phone's digits without prefix. */
	static final String[][] USERS = { { "Zebulon Quaxley", "zebulon.9c41@example.test", "0803 941 4101", "8039414101" },
			{ "Marigold Fenwicke", "MARIGOLD.9c42@Example.Test ", "+234 803 941 4102", "8039414102" },
			{ "Ottoline Brackwater", "ottoline.9c43@example.test", "2348039414103", "8039414103" } };

	/** Skipped (no phone number), hence the alert. */
	static final String[] NO_PHONE = { "Peregrine Holloway", "peregrine.9c44@example.test" };

	private static final MongoServer MONGO = startMongo();

	private static final GreenMail SMTP = startSmtp();

	private static final WireMockServer BILLSTACK = StandIns.startWireMock();

	private static final WireMockServer WEBHOOK = StandIns.startWireMock();

	@Autowired
	private TriggerProperties properties;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("MONGO_DB_URI", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort() + "/kinta");
		registry.add("SMTP_HOST", () -> "127.0.0.1");
		registry.add("SMTP_PORT", () -> SMTP.getSmtp().getPort());
		registry.add("BILLSTACK_BASE_URL", BILLSTACK::baseUrl);
		registry.add("ALERT_WEBHOOK_URL", () -> WEBHOOK.baseUrl() + "/services/T9C41/B9C41/" + WEBHOOK_SECRET);
	}

	@BeforeAll
	static void stubs() {
		StandIns.createBillstackAccounts(BILLSTACK);
		WEBHOOK.stubFor(WireMock.post(WireMock.anyUrl()).willReturn(WireMock.ok("ok")));
	}

	@AfterAll
	static void stopServers() {
		SMTP.stop();
		MONGO.shutdownNow();
		BILLSTACK.stop();
		WEBHOOK.stop();
		// Spring Boot configures logging once per JVM: leave no DEBUG behind
		LoggingSystem.get(LogsWithoutSecretsIntegrationTests.class.getClassLoader()).cleanUp();
	}

	@Test
	void aDeliveryARunAndAnAlertAtDebugLogNoSecretAndNoPersonalData(CapturedOutput output) throws Exception {
		// given: a signed delivery
		String token = new QstashTokenSigner(CURRENT_KEY, Clock.systemUTC()).sign(this.properties.endpointUrl(),
				BODY.getBytes(StandardCharsets.UTF_8));

		// when: it runs the job, which skips one user and raises an alert
		String answer = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri(TriggerProperties.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Upstash-Signature", token)
			.header("Upstash-Message-Id", "msg_log_scan")
			.body(BODY.getBytes(StandardCharsets.UTF_8))
			.retrieve()
			.body(String.class);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(WEBHOOK.getAllServeEvents()).hasSize(1));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(SMTP.getReceivedMessagesForDomain(ALERT_EMAIL)).hasSize(1));
		// and: an operator reads the history
		String runs = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/runs")
			.header(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder()
						.encodeToString(("operator:" + RUNS_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.retrieve()
			.body(String.class);

		// and: looks a user up by email with the console's search box (a POST with the
		// page's CSRF token)
		int searched = searchByEmail(USERS[0][1]);

		// then: the run did what it should, at DEBUG
		assertThat(searched).isIn(200, 302);
		assertThat(answer).contains("\"successCount\":3").contains("\"skippedCount\":1");
		assertThat(SMTP.getReceivedMessages()).hasSize(4);
		assertThat(runs).contains("msg_log_scan");
		assertThat(output.getAll()).contains("DEBUG");
		// and: no line carries a secret, the body or personal data
		List<String> forbidden = new ArrayList<>(List.of(CURRENT_KEY, NEXT_KEY, token, token.split("\\.")[1],
				token.split("\\.")[2], BILLSTACK_KEY, RELAY_PASSWORD, WEBHOOK_SECRET, RUNS_PASSWORD, ALERT_EMAIL,
				RELAY_USER, "delivery-body-9c41",
				Base64.getEncoder().encodeToString(("operator:" + RUNS_PASSWORD).getBytes(StandardCharsets.UTF_8))));
		for (String[] user : USERS) {
			forbidden.addAll(List.of(user[0], user[0].split(" ")[0], user[0].split(" ")[1], user[1].strip(),
					user[1].strip().toLowerCase(java.util.Locale.ROOT), user[2], user[3]));
		}
		forbidden.addAll(List.of(NO_PHONE[0], NO_PHONE[1]));
		List<String> leaks = output.getAll()
			.lines()
			.filter((line) -> forbidden.stream().anyMatch(line::contains))
			.map((line) -> (line.length() > 300) ? line.substring(0, 300) + "…" : line)
			.toList();
		assertThat(leaks).as("log lines with a secret or personal data").isEmpty();
	}

	// the JDK's client, not RestClient: RestClient's own DEBUG line would print the form
	// this test sends, and only the server's lines are under test
	private int searchByEmail(String email) throws Exception {
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString(("operator:" + RUNS_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> page = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/runs"))
				.header(HttpHeaders.AUTHORIZATION, basic)
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).as("the search form carries a CSRF token").isTrue();
		String cookie = page.headers()
			.allValues(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((value) -> value.startsWith("XSRF-TOKEN="))
			.map((value) -> value.split(";")[0])
			.findFirst()
			.orElseThrow();
		String form = "q=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/users/search"))
				.header(HttpHeaders.AUTHORIZATION, basic)
				.header(HttpHeaders.COOKIE, cookie)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static MongoServer startMongo() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/kinta")) {
			List<Document> users = new ArrayList<>();
			for (String[] user : USERS) {
				users.add(user(user[0], user[1]).append("phoneNumber", user[2]));
			}
			users.add(user(NO_PHONE[0], NO_PHONE[1]));
			client.getDatabase("kinta").getCollection("users").insertMany(users);
			client.getDatabase("kinta").createCollection("accounts");
		}
		return server;
	}

	private static Document user(String name, String email) {
		return new Document("_id", new ObjectId()).append("fullName", name)
			.append("auth", new Document("email", email).append("password", "$2a$10$FIXTURESECRET9c41"))
			.append("isEmailVerified", true)
			.append("status", "active");
	}

	private static GreenMail startSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		greenMail.start();
		greenMail.setUser(RELAY_USER, RELAY_USER, RELAY_PASSWORD);
		return greenMail;
	}

}
