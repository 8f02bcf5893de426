package ng.kinta.dedicatedaccounts.batch.alert;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator alerts from real runs: the webhook is a WireMock stand-in, the alert email
 * goes to the in-process SMTP server.
 */
class RunAlertsIntegrationTests extends JobIntegrationTest {

	private static final WireMockServer WEBHOOK = startWebhook();

	private static final String ALERT_EMAIL = "ops@kinta.example";

	@Autowired
	private JobRunService runs;

	@Autowired
	private JobRepository jobRepository;

	@Autowired
	@Qualifier("runAlertsListener")
	private JobExecutionListener runAlertsListener;

	@Autowired
	@Qualifier("alertTaskExecutor")
	private ThreadPoolTaskExecutor alertTaskExecutor;

	@DynamicPropertySource
	static void alerts(DynamicPropertyRegistry registry) {
		registry.add("ALERT_WEBHOOK_URL", () -> WEBHOOK.baseUrl() + "/hooks/alerts");
		registry.add("ALERT_EMAIL", () -> ALERT_EMAIL);
		registry.add("app.alerts.timeout", () -> "1s");
	}

	@AfterAll
	static void stopWebhook() {
		WEBHOOK.stop();
	}

	@BeforeEach
	void webhookAccepts() {
		WEBHOOK.resetAll();
		WEBHOOK.stubFor(post(urlPathEqualTo("/hooks/alerts")).willReturn(ok("ok")));
	}

	@Test
	void billstackRefusingOurKeyFailsTheRunAndPostsExactlyOneAlertWithoutPersonalData() throws Exception {
		// given: Billstack answers 401 to everything
		TestUsers.insertUsers(3);
		InProcessServices.BILLSTACK.stubFor(post(urlPathEqualTo(BillstackStubs.PATH))
			.willReturn(aResponse().withStatus(401).withBody("{\"status\":false,\"message\":\"Unauthorized\"}")));

		// when: the run fails, and its end is reported once more
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		this.runAlertsListener.afterJob(this.jobRepository.getJobExecution(summary.jobExecutionId()));
		alertsDelivered();

		// then
		assertThat(summary.status()).isEqualTo("error");
		assertThat(summary.exitStatus()).isEqualTo("FAILED");
		List<LoggedRequest> posts = WEBHOOK.findAll(postRequestedFor(urlPathEqualTo("/hooks/alerts")));
		assertThat(posts).hasSize(1);
		String body = posts.get(0).getBodyAsString();
		assertThat(body).startsWith("{\"text\":")
			.contains("run " + summary.jobExecutionId() + " ended FAILED")
			.contains("BILLSTACK_KEY_REFUSED")
			.contains("BILL_STACK_SECRET_KEY");
		assertNoPersonalDataOrSecret(body);
	}

	@Test
	void runWithSkipsSendsOneAlertWithTheCountsPerReasonByWebhookAndEmail() throws Exception {
		// given: three usable users, two without a phone number
		List<org.bson.types.ObjectId> usable = TestUsers.insertUsers(3);
		org.bson.types.ObjectId noPhone = TestUsers.insertUser(new Document("fullName", "Ada Obi").append("auth",
				new Document("email", "ada@example.test").append("password", "$2a$10$FIXTURESECRET")));
		TestUsers.insertUser(new Document("fullName", "Bola Ade").append("auth",
				new Document("email", "bola@example.test").append("password", "$2a$10$FIXTURESECRET")));
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		alertsDelivered();

		// then
		assertThat(summary.exitStatus()).isEqualTo("COMPLETED_WITH_SKIPS");
		List<LoggedRequest> posts = WEBHOOK.findAll(postRequestedFor(urlPathEqualTo("/hooks/alerts")));
		assertThat(posts).hasSize(1);
		String body = posts.get(0).getBodyAsString();
		assertThat(body).contains("run " + summary.jobExecutionId() + " ended COMPLETED")
			.contains("5 processed, 3 accounts created, 0 failed, 2 skipped")
			.contains("2 x missing phoneNumber")
			.contains("USERS_SKIPPED")
			.contains(noPhone.toHexString());
		assertNoPersonalDataOrSecret(body);
		assertThat(usable).noneMatch((id) -> body.contains(id.toHexString()));
		List<MimeMessage> alertEmails = List.of(InProcessServices.SMTP.getReceivedMessagesForDomain(ALERT_EMAIL));
		assertThat(alertEmails).singleElement()
			.satisfies((message) -> assertThat(message.getSubject()).isEqualTo("dedicated-accounts: run "
					+ summary.jobExecutionId() + " ended COMPLETED (exit " + "COMPLETED_WITH_SKIPS)"));
	}

	@Test
	void webhookDownChangesNothingInTheRunsOutcome() throws Exception {
		// given: the webhook drops every connection; one user has no phone number
		WEBHOOK.resetAll();
		WEBHOOK.stubFor(post(urlPathEqualTo("/hooks/alerts"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		TestUsers.insertUsers(2);
		TestUsers.insertUser(new Document("fullName", "Ada Obi").append("auth",
				new Document("email", "ada@example.test").append("password", "$2a$10$FIXTURESECRET")));
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		alertsDelivered();

		// then: the alert was tried, the run is what it would have been
		WEBHOOK.verify(1, postRequestedFor(urlPathEqualTo("/hooks/alerts")));
		assertThat(summary.status()).isEqualTo("ok");
		assertThat(summary.exitStatus()).isEqualTo("COMPLETED_WITH_SKIPS");
		assertThat(summary.data().successCount()).isEqualTo(2);
		assertThat(summary.data().skippedCount()).isEqualTo(1);
		assertThat(this.runs.summaryOf(summary.jobExecutionId())).contains(summary);
	}

	@Test
	void aCleanRunSendsNoAlert() throws Exception {
		// given
		TestUsers.insertUsers(2);
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		alertsDelivered();

		// then
		assertThat(summary.exitStatus()).isEqualTo("COMPLETED");
		WEBHOOK.verify(0, postRequestedFor(urlPathEqualTo("/hooks/alerts")));
		assertThat(InProcessServices.SMTP.getReceivedMessagesForDomain(ALERT_EMAIL)).isEmpty();
	}

	/**
	 * Waits until the single alert thread has handled everything queued before: tasks run
	 * in order, so a marker task finishing means every earlier alert was delivered.
	 */
	private void alertsDelivered() throws Exception {
		this.alertTaskExecutor.submit(() -> null).get(30, TimeUnit.SECONDS);
	}

	private static void assertNoPersonalDataOrSecret(String body) {
		assertThat(body).doesNotContain("@example.test")
			.doesNotContain("0803")
			.doesNotContain("+234")
			.doesNotContain("Test User")
			.doesNotContain("Ada")
			.doesNotContain("Bola")
			.doesNotContain(BillstackStubs.SECRET_KEY)
			.doesNotContain("FIXTURESECRET");
	}

	private static WireMockServer startWebhook() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(false));
		server.start();
		return server;
	}

}
