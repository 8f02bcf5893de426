package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.ChainedCatchUp;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against MongoDB, Billstack and SMTP speaking their real protocols
 * in-process, on the sample data of the existing app.
 */
@ExtendWith(OutputCaptureExtension.class)
class CreateDedicatedAccountsJobIntegrationTests extends JobIntegrationTest {

	private static final List<String> BANKS = List.of("PALMPAY", "9PSB", "BANKLY", "PROVIDUS", "SAFEHAVEN");

	@Autowired
	private JobRunService runs;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void givesEveryEligibleSampleUserOneAccountFiftyUsersPerRun(CapturedOutput output) throws Exception {
		// given
		InProcessServices.loadSampleData();
		long accountsBefore = accounts().countDocuments();
		Set<String> eligible = SampleData.eligibleUserIds();
		banksAnswer("PALMPAY", BillstackStubs.created("PALMPAY"));

		// when
		List<RunSummary> summaries = new ArrayList<>();
		for (int run = 0; run < 5; run++) {
			summaries.add(this.runs.startNewRun(RunTrigger.COMMAND_LINE));
		}

		// then: 50, 50, 50, then the rest, then nothing to do
		assertThat(eligible).hasSize(153);
		assertThat(summaries).allSatisfy((summary) -> assertThat(summary.status()).isEqualTo("ok"));
		assertThat(summaries).extracting((summary) -> summary.data().processedInThisRun())
			.containsExactly(50L, 50L, 50L, 3L, 0L);
		assertThat(summaries).extracting((summary) -> summary.data().successCount())
			.containsExactly(50L, 50L, 50L, 3L, 0L);
		assertThat(summaries).extracting((summary) -> summary.data().totalUsersWithoutAccounts())
			.containsExactly(153L, 103L, 53L, 3L, 0L);
		assertThat(summaries).extracting((summary) -> summary.data().remainingUsers())
			.containsExactly(103L, 53L, 3L, 0L, 0L);
		assertThat(summaries).extracting((summary) -> summary.data().emailsSent())
			.containsExactly(50L, 50L, 50L, 3L, 0L);
		// the backlog's age: the oldest createdAt among those still waiting, none at the
		// end
		assertThat(summaries.get(0).oldestWaitingSince()).isNotNull();
		assertThat(summaries.get(2).oldestWaitingSince()).isAfterOrEqualTo(summaries.get(0).oldestWaitingSince());
		assertThat(summaries.get(3).oldestWaitingSince()).isNull();
		assertThat(summaries).allSatisfy((summary) -> assertThat(summary.catchUpScheduledIn()).isNull());

		// Billstack was asked exactly once for each eligible user, never for one who
		// had an account
		List<LoggedRequest> requests = InProcessServices.BILLSTACK
			.findAll(postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
		Set<String> references = new HashSet<>();
		for (LoggedRequest request : requests) {
			references.add(this.jsonMapper.readTree(request.getBodyAsString()).path("reference").asString());
		}
		assertThat(requests).hasSize(153);
		assertThat(references).isEqualTo(eligible);

		// one new account document per user, in the app's format
		assertThat(accounts().countDocuments()).isEqualTo(accountsBefore + 153);
		for (String id : eligible) {
			List<Document> owned = accounts().find(new Document("user", new ObjectId(id))).into(new ArrayList<>());
			assertThat(owned).hasSize(1);
			Document account = owned.get(0);
			assertThat(account.getBoolean("hasDedicatedAccountNumber")).isTrue();
			assertThat(account.get("order_ref")).isEqualTo(new ObjectId(id));
			assertThat(account.get("accountDetails", Document.class).getString("accountRef")).isEqualTo(id);
			assertThat(account.get("accountDetails", Document.class).getString("accountNumber")).matches("\\d{10}");
			assertThat(account.get("createdAt")).isInstanceOf(Date.class);
		}
		// signup placeholders are left as they are
		assertThat(accounts().countDocuments(new Document("hasDedicatedAccountNumber", false)))
			.isEqualTo(InProcessServices.readSample("accounts.json")
				.stream()
				.filter((account) -> Boolean.FALSE.equals(account.getBoolean("hasDedicatedAccountNumber")))
				.count());

		// one email per user, HTML and text, with the account details
		MimeMessage[] emails = InProcessServices.SMTP.getReceivedMessages();
		assertThat(emails).hasSize(153);
		MimeMessage first = emails[0];
		assertThat(first.getSubject()).isEqualTo("Your Dedicated Account Number is Ready! 🎊");
		assertThat(first.getContent()).isInstanceOf(MimeMultipart.class);
		String body = bodyOf(first);
		assertThat(body).contains("<html").contains("Account number").contains("PALMPAY Bank").contains("Hi ");
		assertThat(new HashSet<>(List.of(emails)).size()).isEqualTo(153);

		// no secret or personal data in the logs
		assertThat(output.getAll()).doesNotContain("FIXTURESECRET")
			.doesNotContain("@example.test")
			.doesNotContain(BillstackStubs.SECRET_KEY);
		assertThat(output.getAll()).contains("Billstack created account");
	}

	@Test
	void aCatchUpRecordedOnARunIsKeptInItsHistoryAndCountedForTheDay() {
		// given
		TestUsers.insertUsers(3);
		banksAnswer("PALMPAY", BillstackStubs.created("PALMPAY"));
		RunSummary run = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		long before = this.runs.catchUpsPublishedSince(publishedAt.minus(1, ChronoUnit.DAYS));

		// when
		this.runs.recordCatchUp(run.jobExecutionId(),
				new ChainedCatchUp("msg_catch_up", java.time.Duration.ofSeconds(120), publishedAt));

		// then
		assertThat(this.runs.chainOf(run.jobExecutionId()).chained())
			.isEqualTo(new ChainedCatchUp("msg_catch_up", java.time.Duration.ofSeconds(120), publishedAt));
		assertThat(this.runs.summaryOf(run.jobExecutionId()).orElseThrow().catchUpScheduledIn()).isEqualTo(120L);
		assertThat(this.runs.catchUpsPublishedSince(publishedAt.minus(1, ChronoUnit.DAYS))).isEqualTo(before + 1);
		assertThat(this.runs.catchUpsPublishedSince(publishedAt.plusMillis(1))).isZero();
		assertThat(this.runs.latestCatchUp()).get().extracting(ChainedCatchUp::messageId).isEqualTo("msg_catch_up");
	}

	@Test
	void fallsBackPastFailingBanksAndSkipsAUserForWhomEveryBankFails(CapturedOutput output) {
		// given: PALMPAY answers 500, 9PSB status:false, BANKLY 503; PROVIDUS
		// works, except for one user for whom PROVIDUS and SAFEHAVEN say no
		List<ObjectId> users = TestUsers.insertUsers(5);
		String unlucky = users.get(2).toHexString();
		banksAnswer("PALMPAY", BillstackStubs.serverError());
		banksAnswer("9PSB", BillstackStubs.statusFalse("9PSB unavailable"));
		banksAnswer("BANKLY", com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503));
		banksAnswer("PROVIDUS", BillstackStubs.created("PROVIDUS"));
		banksAnswer("SAFEHAVEN", BillstackStubs.statusFalse("SAFEHAVEN unavailable"));
		InProcessServices.BILLSTACK.stubFor(BillstackStubs.generateAt("PROVIDUS")
			.withRequestBody(matchingJsonPath("$.reference", WireMock.equalTo(unlucky)))
			.atPriority(1)
			.willReturn(BillstackStubs.statusFalse("PROVIDUS refused this customer")));

		// when
		RunSummary first = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		RunSummary second = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(first.status()).isEqualTo("ok");
		assertThat(first.exitStatus()).isEqualTo("COMPLETED_WITH_SKIPS");
		assertThat(first.data().processedInThisRun()).isEqualTo(5);
		assertThat(first.data().successCount()).isEqualTo(4);
		assertThat(first.data().failedCount()).isEqualTo(1);
		assertThat(first.data().remainingUsers()).isEqualTo(1);
		assertThat(accounts().countDocuments(new Document("accountDetails.bankCode", "PROVIDUS"))).isEqualTo(4);
		Document state = TestUsers.provisioning(users.get(2));
		assertThat(state.getString("state")).isEqualTo("FAILED");
		assertThat(state.getInteger("attempts")).isEqualTo(1);
		assertThat(state.getString("lastError")).contains("PROVIDUS refused this customer").contains("HTTP 500");
		assertThat(state.getDate("nextAttemptAt").toInstant())
			.isAfter(Instant.now().plus(2, ChronoUnit.HOURS).plus(59, ChronoUnit.MINUTES));
		// the failed user waits for the back-off and does not take a place in
		// the next run
		assertThat(second.data().processedInThisRun()).isZero();
		assertThat(second.data().remainingUsers()).isEqualTo(1);
		assertThat(output.getAll()).contains("User " + unlucky + ": skipped (FAILED)");
	}

	@Test
	void skipsUnusableRecordsWithAReasonAndGoesOn() {
		// given
		List<ObjectId> users = TestUsers.insertUsers(3);
		ObjectId noPhone = TestUsers.insertUser(new Document("fullName", "Ada Obi").append("auth",
				new Document("email", "ada@example.test").append("password", "$2a$10$FIXTURESECRET")));
		ObjectId noEmail = TestUsers
			.insertUser(new Document("fullName", "Bola Ade").append("phoneNumber", "08031234567"));
		ObjectId noName = TestUsers.insertUser(
				new Document("auth", new Document("email", "x@example.test")).append("phoneNumber", "08031234567"));
		banksAnswer("PALMPAY", BillstackStubs.created("PALMPAY"));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.status()).isEqualTo("ok");
		assertThat(summary.data().processedInThisRun()).isEqualTo(6);
		assertThat(summary.data().successCount()).isEqualTo(3);
		assertThat(summary.data().skippedCount()).isEqualTo(3);
		assertThat(summary.data().failedCount()).isZero();
		assertThat(TestUsers.provisioning(noPhone).getString("lastError")).isEqualTo("missing phoneNumber");
		assertThat(TestUsers.provisioning(noEmail).getString("lastError")).isEqualTo("missing auth.email");
		assertThat(TestUsers.provisioning(noName).getString("lastError")).isEqualTo("missing fullName");
		assertThat(TestUsers.provisioning(noName).getString("state")).isEqualTo("UNUSABLE_RECORD");
		assertThat(users)
			.allSatisfy((id) -> assertThat(TestUsers.provisioning(id).getString("state")).isEqualTo("PROVISIONED"));
		InProcessServices.BILLSTACK.verify(3, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
	}

	@Test
	void skipsAUserWhoseFieldsHaveTheWrongTypesWithoutFailingThePage() {
		// given
		List<ObjectId> users = TestUsers.insertUsers(2);
		ObjectId malformed = TestUsers.insertUser(new Document("fullName", 42).append("auth", "ada@example.test")
			.append("phoneNumber", 8031234567L)
			.append("accountProvisioning",
					new Document("state", 7).append("nextAttemptAt", "soon").append("account", "0123456789")));
		banksAnswer("PALMPAY", BillstackStubs.created("PALMPAY"));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.status()).isEqualTo("ok");
		assertThat(summary.data().processedInThisRun()).isEqualTo(3);
		assertThat(summary.data().successCount()).isEqualTo(2);
		assertThat(summary.data().skippedCount()).isEqualTo(1);
		assertThat(TestUsers.provisioning(malformed).getString("state")).isEqualTo("UNUSABLE_RECORD");
		assertThat(TestUsers.provisioning(malformed).getString("lastError")).isEqualTo("missing auth.email");
		assertThat(users)
			.allSatisfy((id) -> assertThat(TestUsers.provisioning(id).getString("state")).isEqualTo("PROVISIONED"));
	}

	@Test
	void runsNothingWhenNobodyIsEligible() {
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		assertThat(summary.status()).isEqualTo("ok");
		assertThat(summary.exitStatus()).isEqualTo("COMPLETED");
		assertThat(summary.data()).isEqualTo(RunSummary.Counts.NONE);
		assertThat(summary.message()).isEqualTo("No users need a dedicated account.");
	}

	@Test
	void historyKeepsEverySummary() {
		TestUsers.insertUsers(2);
		banksAnswer("PALMPAY", BillstackStubs.created("PALMPAY"));
		RunSummary summary = this.runs.startNewRun(new RunTrigger("qstash", "msg_test_history"));

		assertThat(this.runs.summaryOf(summary.jobExecutionId())).contains(summary);
		assertThat(this.runs.findLatestExecutionForMessage("msg_test_history")).contains(summary.jobExecutionId());
		assertThat(this.runs.findLatestExecutionForMessage("msg_unknown")).isEmpty();
		assertThat(this.runs.recentExecutions(1)).singleElement()
			.satisfies((execution) -> assertThat(execution.trigger()).isEqualTo("qstash"))
			.satisfies((execution) -> assertThat(execution.writeCount()).isEqualTo(2));
	}

	private static void banksAnswer(String bank,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		InProcessServices.BILLSTACK.stubFor(BillstackStubs.generateAt(bank).willReturn(answer));
		for (String other : BANKS) {
			if (!other.equals(bank) && InProcessServices.BILLSTACK.getStubMappings()
				.stream()
				.noneMatch((stub) -> stub.getRequest().toString().contains("\"" + other + "\""))) {
				InProcessServices.BILLSTACK
					.stubFor(BillstackStubs.generateAt(other).willReturn(BillstackStubs.statusFalse(other + " off")));
			}
		}
	}

	private static com.mongodb.client.MongoCollection<Document> accounts() {
		return InProcessServices.database().getCollection("accounts");
	}

	private static String bodyOf(MimeMessage message) throws Exception {
		return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
	}

}
