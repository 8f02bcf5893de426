package ng.kinta.dedicatedaccounts.trigger.function;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.trigger.TriggerFunctionApplication;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import ng.kinta.dedicatedaccounts.trigger.signature.UsedTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The trigger over real HTTP: path, status codes and bodies as QStash sees them, and the
 * {@code test-cron} command against the running server.
 */
@SpringBootTest(classes = TriggerEndpointIntegrationTests.TriggerWebTestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "trigger.public-api-url=" + TriggerEndpointIntegrationTests.PUBLIC_URL,
				"trigger.signing.current-key=" + TriggerEndpointIntegrationTests.CURRENT_KEY,
				"trigger.signing.next-key=" + TriggerEndpointIntegrationTests.NEXT_KEY,
				// no MongoDB or job repository here, so no health indicators for them
				"management.endpoint.health.validate-group-membership=false" })
class TriggerEndpointIntegrationTests {

	static final String PUBLIC_URL = "https://trigger.example.test";

	static final String CURRENT_KEY = "sig_HttpTestsCurrentSigningKey01";

	static final String NEXT_KEY = "sig_HttpTestsNextSigningKey00002";

	static final String SIGNED_URL = PUBLIC_URL + TriggerProperties.PATH;

	static final RunSummary COMPLETED = new RunSummary("ok", "Provisioned 2 users", 41L, "COMPLETED",
			new RunSummary.Counts(5, 2, 3, 2, 0, 0, 2, 0));

	static final RunSummary FAILED = new RunSummary("error", "The run failed", 42L, "FAILED",
			new RunSummary.Counts(5, 1, 4, 0, 1, 0, 0, 0));

	final JsonMapper json = JsonMapper.builder().build();

	final QstashTokenSigner signer = new QstashTokenSigner(CURRENT_KEY, Clock.systemUTC());

	@LocalServerPort
	int port;

	@MockitoBean
	JobRunService jobRunService;

	RestClient client;

	@BeforeEach
	void setUp() {
		this.client = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
		given(this.jobRunService.findLatestExecutionForMessage(anyString())).willReturn(Optional.empty());
	}

	@Test
	void signedDeliveryAnswers200WithTheRunSummary() {
		given(this.jobRunService.startNewRun(any())).willReturn(COMPLETED);

		Response response = post(TriggerProperties.PATH, "{\"note\":\"héllo\"}", this.signer, "msg_200");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("status").asString()).isEqualTo("ok");
		assertThat(body.get("jobExecutionId").asLong()).isEqualTo(41L);
		assertThat(body.get("exitStatus").asString()).isEqualTo("COMPLETED");
		assertThat(body.get("data").get("successCount").asLong()).isEqualTo(2L);
		assertThat(response.headers().containsHeader("Upstash-Signature")).isFalse();
		then(this.jobRunService).should().startNewRun(new RunTrigger("qstash", "msg_200"));
	}

	@Test
	void emptyBodyIsVerifiedAgainstTheHashOfZeroBytes() {
		given(this.jobRunService.startNewRun(any())).willReturn(COMPLETED);

		Response response = post(TriggerProperties.PATH, "", this.signer, "msg_empty");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void deliverySignedWithTheNextKeyIsAccepted() {
		given(this.jobRunService.startNewRun(any())).willReturn(COMPLETED);

		Response response = post(TriggerProperties.PATH, "{}", new QstashTokenSigner(NEXT_KEY, Clock.systemUTC()),
				"msg_next");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void missingOrInvalidSignatureAnswers401WithoutDetails() {
		Response missing = post(TriggerProperties.PATH, "{}", null, "msg_401a");
		Response forged = post(TriggerProperties.PATH, "{}",
				new QstashTokenSigner("sig_AttackerKeyOfThirtyTwoChars01", Clock.systemUTC()), "msg_401b");
		// QStash signs every retry afresh: an expired token may pass next time, so 401
		Response expired = post(TriggerProperties.PATH, "{}",
				new QstashTokenSigner(CURRENT_KEY, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))),
				"msg_401c");

		for (Response response : new Response[] { missing, forged, expired }) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.headers().containsHeader("Upstash-NonRetryable-Error")).isFalse();
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.path("status").asInt()).isEqualTo(401);
			assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
			assertThat(problem.path("detail").asString()).isEqualTo("Missing or invalid Upstash-Signature");
			assertThat(problem.path("instance").asString()).isEqualTo(TriggerProperties.PATH);
			assertThat(response.body()).doesNotContain(CURRENT_KEY).doesNotContain(NEXT_KEY);
		}
		assertThat(missing.body()).isEqualTo(forged.body());
		then(this.jobRunService).should(never()).startNewRun(any());
	}

	@Test
	void hugeSignatureHeaderIsRefusedWithoutRunningTheJob() {
		Response response = exchange(TriggerProperties.PATH, "{}", "x".repeat(9 * 1024), "msg_huge");

		assertThat(response.status()).isEqualTo(400);
		then(this.jobRunService).shouldHaveNoInteractions();
	}

	@Test
	void aTokenSignedWithOurKeyForAnotherBodyOrUrlAnswers489SoThatQstashDoesNotRetryIt() {
		// QStash redelivers the same body to the same destination: no retry can verify
		String otherBody = this.signer.sign(SIGNED_URL, "{}".getBytes(StandardCharsets.UTF_8));
		String otherUrl = this.signer.sign("https://old-host.example.test" + TriggerProperties.PATH,
				"{}".getBytes(StandardCharsets.UTF_8));

		Response tampered = exchange(TriggerProperties.PATH, "{ }", otherBody, "msg_tampered");
		Response misrouted = exchange(TriggerProperties.PATH, "{}", otherUrl, "msg_misrouted");

		for (Response response : new Response[] { tampered, misrouted }) {
			assertThat(response.status()).isEqualTo(489);
			assertThat(response.headers().getFirst("Upstash-NonRetryable-Error")).isEqualTo("true");
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.path("status").asInt()).isEqualTo(489);
			assertThat(problem.path("detail").asString()).isEqualTo("Missing or invalid Upstash-Signature");
		}
		then(this.jobRunService).should(never()).startNewRun(any());
	}

	@Test
	void runInProgressAnswers409WithRetryAfterTheSecondsUntilTheLeaseLapses() {
		given(this.jobRunService.startNewRun(any())).willThrow(new RunInProgressException(40L,
				"another run of the job is in progress", java.time.Duration.ofMillis(41_200)));

		Response response = post(TriggerProperties.PATH, "{}", this.signer, "msg_409");

		assertThat(response.status()).isEqualTo(409);
		// QStash retries once the lease could have lapsed, rounded up to whole seconds
		assertThat(response.headers().getFirst("Retry-After")).isEqualTo("42");
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(409);
		assertThat(problem.path("title").asString()).isEqualTo("Conflict");
		assertThat(problem.path("detail").asString()).contains("in progress");
		assertThat(problem.path("runningExecutionId").asLong()).isEqualTo(40L);
	}

	@Test
	void failedRunAnswers500WithItsSummary() {
		given(this.jobRunService.startNewRun(any())).willReturn(FAILED);

		Response response = post(TriggerProperties.PATH, "{}", this.signer, "msg_500");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(500);
		assertThat(problem.path("title").asString()).isEqualTo("Run failed");
		JsonNode summary = problem.path("summary");
		assertThat(summary.path("status").asString()).isEqualTo("error");
		assertThat(summary.path("jobExecutionId").asLong()).isEqualTo(42L);
		assertThat(summary.path("data").path("failedCount").asLong()).isEqualTo(1L);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void unexpectedErrorAnswers500WithoutStackTrace() {
		given(this.jobRunService.startNewRun(any())).willThrow(new IllegalStateException("secret internals"));

		Response response = post(TriggerProperties.PATH, "{}", this.signer, "msg_boom");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(this.json.readTree(response.body()).path("title").asString()).isEqualTo("Internal Server Error");
		assertThat(response.body()).doesNotContain("secret internals").doesNotContain("Exception");
	}

	@Test
	void redeliveredMessageGetsTheFirstOutcomeWithoutASecondRun() {
		given(this.jobRunService.findLatestExecutionForMessage("msg_dup")).willReturn(Optional.of(41L));
		given(this.jobRunService.summaryOf(41L)).willReturn(Optional.of(COMPLETED));

		Response response = post(TriggerProperties.PATH, "{}", this.signer, "msg_dup");

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("jobExecutionId").asLong()).isEqualTo(41L);
		then(this.jobRunService).should(never()).startNewRun(any());
	}

	@Test
	void getDoesNotRunTheJob() {
		Response response = this.client.get()
			.uri(TriggerProperties.PATH)
			.exchange((request, answer) -> new Response(answer.getStatusCode().value(),
					String.valueOf(answer.getHeaders().getContentType()),
					new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8), answer.getHeaders()));

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.headers().getAllow()).containsExactly(HttpMethod.POST);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(405);
		assertThat(problem.path("title").asString()).isEqualTo("Method Not Allowed");
		then(this.jobRunService).shouldHaveNoInteractions();
	}

	@Test
	void unknownPathAnswers404Problem() {
		Response response = post("/api/nothing-here", "{}", this.signer, "msg_404");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("title").asString()).isEqualTo("Not Found");
		then(this.jobRunService).shouldHaveNoInteractions();
	}

	@Test
	void testCronCommandSignsARequestTheServerAccepts() {
		given(this.jobRunService.startNewRun(any())).willReturn(COMPLETED);

		int exitCode = TriggerFunctionApplication
			.run(new String[] { "test-cron", "http://localhost:" + this.port + TriggerProperties.PATH,
					"--trigger.public-api-url=" + PUBLIC_URL, "--trigger.signing.current-key=" + CURRENT_KEY,
					"--trigger.signing.next-key=" + NEXT_KEY }, (application) -> {
					})
			.getAsInt();

		assertThat(exitCode).isZero();
		then(this.jobRunService).should().startNewRun(any());
	}

	@Test
	void testCronCommandExitsWith1WhenTheServerRefuses() {
		int exitCode = TriggerFunctionApplication.run(new String[] { "test-cron",
				"http://localhost:" + this.port + TriggerProperties.PATH, "--trigger.public-api-url=" + PUBLIC_URL,
				"--trigger.signing.current-key=sig_NotTheServersKeyButLongEnough",
				"--trigger.signing.next-key=" + NEXT_KEY }, (application) -> {
				})
			.getAsInt();

		assertThat(exitCode).isEqualTo(1);
		then(this.jobRunService).should(never()).startNewRun(any());
	}

	private Response post(String path, String body, QstashTokenSigner signer, String messageId) {
		String token = (signer != null) ? signer.sign(SIGNED_URL, body.getBytes(StandardCharsets.UTF_8)) : null;
		return exchange(path, body, token, messageId);
	}

	private Response exchange(String path, String body, String token, String messageId) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (token != null) {
				headers.set("Upstash-Signature", token);
			}
			headers.set("Upstash-Message-Id", messageId);
		})
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> new Response(response.getStatusCode().value(),
					String.valueOf(response.getHeaders().getContentType()),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8), response.getHeaders()));
	}

	record Response(int status, String contentType, String body, HttpHeaders headers) {
	}

	/**
	 * The web app without the batch job: only the trigger's own beans, with
	 * auto-configured web, Jackson and Spring Cloud Function. The job's infrastructure
	 * (MongoDB, JDBC job repository, mail), which batch-job brings onto the classpath,
	 * stays off; tests supply the {@code JobRunService}. Nested in a test class so that
	 * the real application's component scan does not pick it up.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
			"org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
			"org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration" })
	@EnableConfigurationProperties(TriggerProperties.class)
	// the run-history package brings the application's only security filter chain: the
	// trigger must work behind it exactly as without it
	@ComponentScan(basePackageClasses = TriggerFunctionConfiguration.class,
			basePackages = "ng.kinta.dedicatedaccounts.trigger.runs")
	static class TriggerWebTestApplication {

		// the application keeps them in MongoDB (replay.MongoUsedTokens), which is off
		// here
		@Bean
		UsedTokens usedTokens() {
			Set<String> used = ConcurrentHashMap.newKeySet();
			return (tokenId, forgetAfter) -> used.add(tokenId);
		}

	}

}
