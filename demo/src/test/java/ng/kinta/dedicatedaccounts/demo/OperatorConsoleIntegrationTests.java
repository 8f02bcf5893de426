package ng.kinta.dedicatedaccounts.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import ng.kinta.dedicatedaccounts.trigger.TriggerFunctionApplication;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console on the demo after three runs started the way QStash starts them
 * (one completed, one failed because Billstack refused the key, one completed): the
 * charts, a user explained, the reconciliation queue and the restart button, in a real
 * (headless Chromium) browser where one exists, and over plain HTTP for the security
 * rules (roles, CSRF). Screenshots go to {@code target/console-*.png}.
 */
@SpringBootTest(classes = { TriggerFunctionApplication.class, DemoSigningKeysNotice.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=demo", "spring.datasource.url=jdbc:h2:mem:console;DB_CLOSE_DELAY=-1",
				// the runs this test counts are the ones it asks for
				"app.catch-up.enabled=false" })
// the later tests change what the earlier ones read (a new run, a resolved user)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorConsoleIntegrationTests {

	private static final String VIEWER = "demo";

	private static final String VIEWER_PASSWORD = "demo-runs-not-a-secret";

	private static final String OPERATOR = "operator";

	private static final String OPERATOR_PASSWORD = "demo-operator-not-a-secret";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private TriggerProperties properties;

	@Autowired
	private MongoTemplate mongoTemplate;

	@Value("${app.billstack.base-url}")
	private String billstackUrl;

	@LocalServerPort
	private int port;

	private long completedRun;

	private long failedRun;

	private ObjectId parked;

	private ChromeDriver browser;

	@DynamicPropertySource
	static void freshDemoData(DynamicPropertyRegistry registry) throws IOException {
		Path data = Files.createTempDirectory("console");
		registry.add("app.demo.data-dir", data::toString);
	}

	@BeforeAll
	void threeRunsOneOfThemFailed() {
		QstashTokenSigner signer = new QstashTokenSigner(this.properties.signing().currentKey(), Clock.systemUTC());
		this.completedRun = deliver(signer, "msg_console_1", 200).path("jobExecutionId").asLong();
		// Billstack refuses the key for one run: fatal, the run fails
		URI billstack = URI.create(this.billstackUrl);
		WireMock admin = WireMock.create().host(billstack.getHost()).port(billstack.getPort()).build();
		StubMapping refused = admin.register(WireMock.post(WireMock.anyUrl())
			.atPriority(1)
			.willReturn(WireMock.jsonResponse("{\"status\":false,\"message\":\"Invalid secret key\"}", 401)));
		this.failedRun = deliver(signer, "msg_console_2", 500).path("summary").path("jobExecutionId").asLong();
		admin.removeStubMapping(refused);
		// a user whose Billstack answer was lost twice, parked for an operator
		this.parked = this.mongoTemplate
			.findOne(Query.query(Criteria.where("accountProvisioning").exists(false)), Document.class, "users")
			.getObjectId("_id");
		this.mongoTemplate.updateFirst(Query.query(Criteria.where("_id").is(this.parked)),
				new Update().set("accountProvisioning.state", "NEEDS_RECONCILIATION")
					.set("accountProvisioning.reconciliationReason", "no answer from PALMPAY twice")
					.set("accountProvisioning.request.bank", "PALMPAY")
					.set("accountProvisioning.request.reference", this.parked.toHexString()),
				"users");
	}

	@AfterAll
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	@Order(1)
	void theChartsHaveOnePointPerRunAndATableFallback() throws IOException {
		ChromeDriver browser = browser(VIEWER, VIEWER_PASSWORD, "/runs");

		List<WebElement> series = browser.findElements(By.cssSelector("#backlog-chart g.series"));
		assertThat(series).hasSize(4);
		for (WebElement line : series) {
			assertThat(line.findElements(By.cssSelector("circle.point")))
				.extracting((dot) -> dot.getDomAttribute("data-run-id"))
				.containsExactly(String.valueOf(this.completedRun), String.valueOf(this.failedRun));
		}
		assertThat(browser.findElements(By.cssSelector("#backlog-table tbody tr"))).hasSize(2);
		assertThat(browser.findElements(By.cssSelector("#accounts-by-bank g.bar"))).isNotEmpty();
		assertThat(browser.findElement(By.id("users-waiting")).getText()).contains("103");
		assertThat(browser.findElement(By.id("reconciliation-waiting")).getText()).contains("1");
		screenshot(browser, "console-runs.png");
	}

	@Test
	@Order(2)
	void aViewerFindsAUserByEmailAndSeesItMaskedWithItsAttempts() throws IOException {
		Document provisioned = this.mongoTemplate.findOne(
				Query.query(Criteria.where("accountProvisioning.state").is("PROVISIONED")), Document.class, "users");
		// the sample data keeps the stray spaces and case the app stored
		String email = provisioned.get("auth", Document.class).getString("email").strip();
		ChromeDriver browser = browser(VIEWER, VIEWER_PASSWORD, "/runs");

		browser.findElement(By.id("user-search")).sendKeys(email.toUpperCase());
		browser.findElement(By.cssSelector("nav form button")).click();

		assertThat(browser.getCurrentUrl()).endsWith("/users/" + provisioned.getObjectId("_id").toHexString());
		// the viewer sees the account's last four digits only
		assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("Has account ******");
		String accountNumber = provisioned.get("accountProvisioning", Document.class)
			.get("account", Document.class)
			.getString("accountNumber");
		assertThat(browser.getPageSource()).doesNotContain(accountNumber)
			.contains(accountNumber.substring(accountNumber.length() - 4));
		String masked = browser.findElement(By.id("masked-email")).getText();
		assertThat(masked).isEqualTo(email.charAt(0) + "***" + email.substring(email.indexOf('@')));
		assertThat(browser.getPageSource()).doesNotContain(email).doesNotContain(provisioned.getString("phoneNumber"));
		assertThat(browser.findElements(By.cssSelector("#history tbody tr")))
			.extracting((row) -> row.getDomAttribute("data-event"))
			.contains("REQUEST_SENT", "ACCOUNT_CREATED", "EMAIL_SENT");
		screenshot(browser, "console-user.png");
	}

	@Test
	@Order(3)
	void aViewerSeesNoRestartButtonAndCannotRestartOrResolve() throws IOException {
		ChromeDriver browser = browser(VIEWER, VIEWER_PASSWORD, "/runs/" + this.failedRun);
		assertThat(browser.findElements(By.id("restart"))).isEmpty();
		assertThat(browser.getPageSource()).contains("can be restarted by an operator");
		browser.get(url(VIEWER, VIEWER_PASSWORD, "/reconciliation"));
		assertThat(browser.findElements(By.cssSelector("#waiting tbody tr"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("form.release"))).isEmpty();

		assertThat(post("/runs/" + this.failedRun + "/restart", VIEWER, VIEWER_PASSWORD, new LinkedMultiValueMap<>())
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	@Order(4)
	void aRequestWithoutTheCsrfTokenIsRefusedEvenForTheOperator() {
		ResponseEntity<String> restart = post("/runs/" + this.failedRun + "/restart", OPERATOR, OPERATOR_PASSWORD,
				new LinkedMultiValueMap<>());
		ResponseEntity<String> release = post("/reconciliation/" + this.parked.toHexString() + "/release", OPERATOR,
				OPERATOR_PASSWORD, new LinkedMultiValueMap<>());

		assertThat(restart.getStatusCode().value()).isEqualTo(403);
		assertThat(release.getStatusCode().value()).isEqualTo(403);
		assertThat(
				this.mongoTemplate.findOne(Query.query(Criteria.where("_id").is(this.parked)), Document.class, "users")
					.get("accountProvisioning", Document.class)
					.getString("state"))
			.isEqualTo("NEEDS_RECONCILIATION");
	}

	@Test
	@Order(6)
	void anOperatorRestartsTheFailedRunAndSeesItsNewSummary() throws IOException {
		ChromeDriver browser = browser(OPERATOR, OPERATOR_PASSWORD, "/runs/" + this.failedRun);
		screenshot(browser, "console-failed-run.png");

		browser.findElement(By.cssSelector("#restart button")).click();
		browser.switchTo().alert().accept();

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Restart of run " + this.failedRun);
		WebElement summary = browser.findElement(By.id("summary"));
		assertThat(summary.getText()).contains("ok (COMPLETED)");
		long restarted = Long.parseLong(summary.findElement(By.cssSelector("dd a")).getText());
		assertThat(restarted).isGreaterThan(this.failedRun);
		screenshot(browser, "console-restarted.png");
		JsonNode run = this.json.readTree(get("/api/runs/" + restarted, VIEWER, VIEWER_PASSWORD).getBody());
		assertThat(run.path("run").path("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	@Order(7)
	void anOperatorRecordsTheAccountOfTheParkedUserFromThePage() throws IOException {
		ChromeDriver browser = browser(OPERATOR, OPERATOR_PASSWORD, "/reconciliation");
		WebElement row = browser.findElement(By.cssSelector("#waiting tbody tr"));
		assertThat(row.getDomAttribute("data-user-id")).isEqualTo(this.parked.toHexString());
		assertThat(row.getText()).contains("PALMPAY", this.parked.toHexString(), "no answer from PALMPAY twice");
		screenshot(browser, "console-reconciliation.png");

		row.findElement(By.name("accountNumber")).sendKeys("9012345678");
		row.findElement(By.name("accountName")).sendKeys("Kinta-Parked User");
		row.findElement(By.cssSelector("form.record button")).click();
		browser.switchTo().alert().accept();

		assertThat(browser.findElement(By.id("done")).getText())
			.isEqualTo("User " + this.parked.toHexString() + ": account recorded");
		Document state = this.mongoTemplate
			.findOne(Query.query(Criteria.where("_id").is(this.parked)), Document.class, "users")
			.get("accountProvisioning", Document.class);
		assertThat(state.getString("state")).isEqualTo("ACCOUNT_CREATED");
		assertThat(state.getList("resolutions", Document.class)).singleElement()
			.satisfies((resolution) -> assertThat(resolution.getString("by")).isEqualTo(OPERATOR));
	}

	@Test
	@Order(5)
	void theUserApiAnswers404ForNoSuchUserAndNeedsCredentials() {
		assertThat(get("/api/users/" + new ObjectId().toHexString(), VIEWER, VIEWER_PASSWORD).getStatusCode().value())
			.isEqualTo(404);
		assertThat(get("/api/users/" + this.parked.toHexString(), null, null).getStatusCode().value()).isEqualTo(401);
		// by id only, and what was asked for is not echoed
		ResponseEntity<String> byEmail = get("/api/users/someone@example.test", VIEWER, VIEWER_PASSWORD);
		assertThat(byEmail.getStatusCode().value()).isEqualTo(400);
		assertThat(byEmail.getBody()).doesNotContain("someone@example.test");
		JsonNode user = this.json
			.readTree(get("/api/users/" + this.parked.toHexString(), VIEWER, VIEWER_PASSWORD).getBody());
		assertThat(user.path("job").path("requestOut").path("bank").asString()).isEqualTo("PALMPAY");
	}

	private ChromeDriver browser(String user, String password, String path) throws IOException {
		if (this.browser == null) {
			this.browser = HeadlessChromium.startOrSkip();
			this.browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			// tall enough for whole pages in the screenshots
			this.browser.manage().window().setSize(new Dimension(1400, 1300));
		}
		// a new session per user: HTTP Basic credentials are cached per origin
		this.browser.manage().deleteAllCookies();
		this.browser.get(url(user, password, path));
		return this.browser;
	}

	private String url(String user, String password, String path) {
		return "http://" + user + ":" + password + "@localhost:" + this.port + path;
	}

	private static void screenshot(ChromeDriver browser, String name) throws IOException {
		Files.write(Path.of("target", name), browser.getScreenshotAs(OutputType.BYTES));
	}

	private JsonNode deliver(QstashTokenSigner signer, String messageId, int status) {
		ResponseEntity<String> response = client().deliver(signer, messageId);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		return this.json.readTree(response.getBody());
	}

	private ResponseEntity<String> get(String path, String user, String password) {
		return client().get(path, user, password);
	}

	private ResponseEntity<String> post(String path, String user, String password, MultiValueMap<String, String> form) {
		return client().postForm(path, user, password, form);
	}

	private TriggerClient client() {
		return new TriggerClient(this.port, this.properties);
	}

}
