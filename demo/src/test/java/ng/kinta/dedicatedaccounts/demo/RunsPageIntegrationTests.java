package ng.kinta.dedicatedaccounts.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import ng.kinta.dedicatedaccounts.trigger.TriggerFunctionApplication;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run history of the demo after two runs started the way QStash starts them: the JSON
 * API, its credentials, and the HTML page seen by a real (headless Chromium) browser.
 */
@SpringBootTest(classes = { TriggerFunctionApplication.class, DemoSigningKeysNotice.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=demo", "spring.datasource.url=jdbc:h2:mem:runs-page;DB_CLOSE_DELAY=-1",
				"app.catch-up.enabled=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsPageIntegrationTests {

	private static final String USER = "demo";

	private static final String PASSWORD = "demo-runs-not-a-secret";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private TriggerProperties properties;

	@LocalServerPort
	private int port;

	private long firstRun;

	private long secondRun;

	@DynamicPropertySource
	static void freshDemoData(DynamicPropertyRegistry registry) throws IOException {
		Path data = Files.createTempDirectory("runs-page");
		registry.add("app.demo.data-dir", data::toString);
	}

	@BeforeAll
	void twoRunsOfTheDemo() {
		QstashTokenSigner signer = new QstashTokenSigner(this.properties.signing().currentKey(), Clock.systemUTC());
		this.firstRun = deliver(signer, "msg_runs_page_1").path("jobExecutionId").asLong();
		this.secondRun = deliver(signer, "msg_runs_page_2").path("jobExecutionId").asLong();
	}

	@Test
	void apiListsBothRunsNewestFirstWithTheirTriggerAndCounts() {
		JsonNode page = this.json.readTree(get("/api/runs", USER, PASSWORD).getBody());

		assertThat(page.path("totalRuns").asLong()).isEqualTo(2);
		JsonNode executions = page.path("executions");
		assertThat(executions.size()).isEqualTo(2);
		assertThat(executions.get(0).path("id").asLong()).isEqualTo(this.secondRun);
		assertThat(executions.get(1).path("id").asLong()).isEqualTo(this.firstRun);
		assertThat(executions.get(1).path("status").asString()).isEqualTo("COMPLETED");
		assertThat(executions.get(1).path("triggerSource").asString()).isEqualTo("qstash");
		assertThat(executions.get(1).path("messageId").asString()).isEqualTo("msg_runs_page_1");
		assertThat(executions.get(1).path("counts").path("successCount").asLong()).isEqualTo(50);
		assertThat(executions.get(0).path("counts").path("remainingUsers").asLong()).isEqualTo(53);
		assertThat(executions.get(1).path("durationMillis").asLong()).isPositive();
	}

	@Test
	void apiShowsOneRunWithItsSteps() {
		JsonNode detail = this.json.readTree(get("/api/runs/" + this.firstRun, USER, PASSWORD).getBody());

		assertThat(detail.path("run").path("id").asLong()).isEqualTo(this.firstRun);
		assertThat(detail.path("steps").findValuesAsString("name")).containsExactly("selectUsersStep",
				"sendPendingEmailsStep", "provisionAccountsStep");
		assertThat(detail.path("skippedUsers").isArray()).isTrue();
		assertThat(get("/api/runs/987654", USER, PASSWORD).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void pageAndApiRefuseRequestsWithoutTheRightCredentials() {
		assertThat(get("/api/runs", null, null).getStatusCode().value()).isEqualTo(401);
		assertThat(get("/api/runs", USER, "wrong").getStatusCode().value()).isEqualTo(401);
		assertThat(get("/runs", null, null).getStatusCode().value()).isEqualTo(401);
		assertThat(get("/runs/" + this.firstRun, null, null).getStatusCode().value()).isEqualTo(401);
		assertThat(get("/api/runs?size=1000", USER, PASSWORD).getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void triggerStaysOutsideTheRunHistorySecurity() {
		// no credentials, no CSRF token: the function's own signature check answers
		ResponseEntity<String> response = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri(TriggerProperties.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.onStatus((status) -> true, (request, answer) -> {
			})
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).contains("Missing or invalid Upstash-Signature");
		assertThat(response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
	}

	@Test
	void browserSeesBothRunsAndOpensOne() throws IOException {
		ChromeDriver browser = HeadlessChromium.startOrSkip();
		try {
			browser.get("http://" + USER + ":" + PASSWORD + "@localhost:" + this.port + "/runs");

			List<WebElement> rows = browser.findElements(By.cssSelector("#runs tbody tr"));
			assertThat(rows).extracting((row) -> row.getDomAttribute("data-execution-id"))
				.containsExactly(String.valueOf(this.secondRun), String.valueOf(this.firstRun));
			assertThat(rows.get(1).getText()).contains("COMPLETED", "qstash", "msg_runs_page_1");
			Path screenshot = Path.of("target", "runs-page.png");
			Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));

			browser.findElement(By.linkText(String.valueOf(this.firstRun))).click();
			assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Run " + this.firstRun + ": ");
			assertThat(browser.findElements(By.cssSelector("#steps tbody tr"))).hasSize(3);
		}
		finally {
			browser.quit();
		}
	}

	private JsonNode deliver(QstashTokenSigner signer, String messageId) {
		ResponseEntity<String> response = client().deliver(signer, messageId);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return this.json.readTree(response.getBody());
	}

	private ResponseEntity<String> get(String path, String user, String password) {
		return client().get(path, user, password);
	}

	private TriggerClient client() {
		return new TriggerClient(this.port, this.properties);
	}

}
