package ng.kinta.dedicatedaccounts.batch.job;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.RequestsAndMail;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's one promise under partial failure: whatever fails, the Billstack stand-in
 * creates no user's account twice and none at two banks, and every eligible user ends
 * with an account or in the reconciliation list. The stand-in creates an account for
 * every request it receives, a late answer included, so requests per user are creations
 * per user.
 */
@TestPropertySource(properties = { "app.billstack.unknown-outcome-backoff=0s", "app.job.record-backoff=10ms",
		"app.job.concurrency=4", "app.job.chunk-size=4" })
class ExactlyOnceIntegrationTests extends JobIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private JobRunService runs;

	@Autowired
	private ProvisioningStateRepository provisioningState;

	@Test
	void aBankSlowerThanTheReadTimeoutForTwoRunsThenHealthyForThreeCreatesNobodyTwiceNorAtTwoBanks() {
		// given: PALMPAY creates the account but answers after the read timeout, for two
		// runs; while a request is still being handled it refuses another for the same
		// email, as Billstack does
		List<ObjectId> users = TestUsers.insertUsers(6);
		bank("PALMPAY", BillstackStubs.slowerThan(BillstackStubs.READ_TIMEOUT));
		bank("9PSB", BillstackStubs.created("9PSB"));

		// when: two slow runs (the second repeats each request once, same bank, same
		// reference), then three healthy ones
		RunSummary first = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		RunSummary second = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		bank("PALMPAY", BillstackStubs.created("PALMPAY"));
		for (int run = 0; run < 3; run++) {
			this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		}

		// then: the first run knows the outcome is unknown, the second parks the users
		assertThat(first.data().unknownOutcomeCount()).isEqualTo(6);
		assertThat(second.data().needsReconciliation()).isEqualTo(6);
		assertThat(second.message()).contains("6 users need reconciliation").doesNotContain("left for the next run");
		// and: never another bank, two requests each at PALMPAY with one reference
		assertThat(banksPerUser()).hasSize(6).allSatisfy((user, banks) -> assertThat(banks).containsExactly("PALMPAY"));
		assertThat(RequestsAndMail.billstackRequestsPerUser())
			.allSatisfy((user, count) -> assertThat(count).isEqualTo(2));
		// and: the healthy runs never touched a parked user
		assertThat(this.provisioningState.needingReconciliation(100)).extracting((user) -> user.getObjectId("_id"))
			.containsExactlyInAnyOrderElementsOf(users);
	}

	@Test
	void theSameEmailRefusalIsAnUnknownOutcomeNeverFollowedByAnotherBank() {
		ObjectId user = TestUsers.insertUsers(1).get(0);
		bank("PALMPAY", BillstackStubs.statusFalse("You cannot make multiple requests at a time for same email"));
		bank("9PSB", BillstackStubs.created("9PSB"));

		this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		assertThat(banksPerUser()).containsExactly(Map.entry(user.toHexString(), Set.of("PALMPAY")));
		assertThat(TestUsers.provisioning(user).getString("state")).isEqualTo("NEEDS_RECONCILIATION");
	}

	@Test
	void aFatalItemWhileOtherRequestsAreOutThenAnImmediateRestartCreatesNobodyTwice() {
		// given: 8 users, 4 requests in flight at once; one user's request is refused
		// with 401 (fatal: the run fails) while the others are still out
		List<ObjectId> users = TestUsers.insertUsers(8);
		InProcessServices.BILLSTACK.stubFor(
				BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY").withFixedDelay(600)));
		InProcessServices.BILLSTACK.stubFor(BillstackStubs.generateAt("PALMPAY")
			.withRequestBody(matchingJsonPath("$.reference", WireMock.equalTo(users.get(1).toHexString())))
			.inScenario("fatal")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("answered")
			.atPriority(1)
			.willReturn(aResponse().withStatus(401)));

		// when: the run fails, and is restarted at once, as a redelivery does
		RunSummary failed = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		RunSummary restarted = this.runs.restart(failed.jobExecutionId());
		RunSummary next = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: the requests in flight were answered and recorded before the lease was
		// released; nobody was asked twice except the user refused with 401
		assertThat(failed.exitStatus()).isEqualTo("FAILED");
		assertThat(restarted.status()).isEqualTo("ok");
		assertThat(next.data().remainingUsers()).isZero();
		Map<String, Integer> requests = RequestsAndMail.billstackRequestsPerUser();
		for (ObjectId user : users) {
			int expected = user.equals(users.get(1)) ? 2 : 1;
			assertThat(requests.get(user.toHexString())).as("requests for %s", user).isEqualTo(expected);
		}
		assertThat(InProcessServices.database().getCollection("accounts").countDocuments()).isEqualTo(8);
	}

	@Test
	void aRefusedRecordWriteKeepsTheAccountAndTheNextRunRecordsItWithoutAskingAgain() throws Exception {
		// given: MongoDB refuses every write that records an account
		List<ObjectId> users = TestUsers.insertUsers(12);
		bank("PALMPAY", BillstackStubs.created("PALMPAY"));
		InProcessServices.MONGO_FAULTS.refuseAccountRecords();

		// when: a run meets it, then MongoDB heals and two more runs follow
		RunSummary refused = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		InProcessServices.MONGO_FAULTS.heal();
		RunSummary recovered = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		RunSummary later = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: the run stopped taking users after its first chunk and carried the
		// accounts it could not record
		assertThat(refused.exitStatus()).isEqualTo("STOPPED");
		assertThat(refused.data().accountsNotRecorded()).isEqualTo(4);
		assertThat(refused.data().processedInThisRun()).isLessThan(12);
		assertThat(InProcessServices.MONGO_FAULTS.refusedWrites()).isGreaterThanOrEqualTo(5);
		// and: each user was asked once; the account recorded is the one first returned
		Map<String, String> returned = accountNumbersReturned();
		assertThat(RequestsAndMail.billstackRequestsPerUser()).allSatisfy((user, count) -> assertThat(count).isOne());
		assertThat(later.data().remainingUsers()).isZero();
		assertThat(recovered.status()).isEqualTo("ok");
		for (ObjectId user : users) {
			Document account = InProcessServices.database()
				.getCollection("accounts")
				.find(new Document("user", user))
				.first();
			assertThat(account).as("account of %s", user).isNotNull();
			assertThat(account.get("accountDetails", Document.class).getString("accountNumber"))
				.isEqualTo(returned.get(user.toHexString()));
		}
		assertThat(RequestsAndMail.emailsPerRecipient()).hasSize(12)
			.allSatisfy((to, count) -> assertThat(count).isOne());
	}

	@Test
	void aSecondAccountArrivingNeverOverwritesTheRecordedOne() {
		ObjectId user = TestUsers.insertUsers(1).get(0);
		var first = new ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount("Kinta-A", "9000000001",
				user.toHexString(), "PALMPAY", "PalmPay");
		var second = new ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount("Kinta-A", "9000000002",
				user.toHexString(), "9PSB", "9PSB");

		assertThat(this.provisioningState.recordAccountCreated(user, first))
			.isEqualTo(ng.kinta.dedicatedaccounts.batch.user.AccountRecording.RECORDED);
		assertThat(this.provisioningState.recordAccountCreated(user, first))
			.isEqualTo(ng.kinta.dedicatedaccounts.batch.user.AccountRecording.ALREADY_RECORDED);
		assertThat(this.provisioningState.recordAccountCreated(user, second))
			.isEqualTo(ng.kinta.dedicatedaccounts.batch.user.AccountRecording.CONFLICT);

		Document state = TestUsers.provisioning(user);
		assertThat(state.get("account", Document.class).getString("accountNumber")).isEqualTo("9000000001");
		assertThat(state.getList("conflictingAccounts", Document.class)).hasSize(1);
		assertThat(this.provisioningState.needingReconciliation(10)).hasSize(1);
	}

	private static void bank(String bank, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		InProcessServices.BILLSTACK.stubFor(BillstackStubs.generateAt(bank).willReturn(answer));
	}

	private static Map<String, Set<String>> banksPerUser() {
		Map<String, Set<String>> banks = new HashMap<>();
		for (LoggedRequest request : InProcessServices.BILLSTACK
			.findAll(postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)))) {
			var body = JSON.readTree(request.getBodyAsString());
			banks.computeIfAbsent(body.path("reference").asString(), (key) -> new HashSet<>())
				.add(body.path("bank").asString());
		}
		return banks;
	}

	private static Map<String, String> accountNumbersReturned() {
		Map<String, String> numbers = new HashMap<>();
		for (var event : InProcessServices.BILLSTACK.getAllServeEvents()) {
			if (event.getRequest().getUrl().startsWith(BillstackStubs.PATH)) {
				var answer = JSON.readTree(event.getResponse().getBodyAsString());
				numbers.put(answer.path("data").path("reference").asString(),
						answer.path("data").path("account").path(0).path("account_number").asString());
			}
		}
		return numbers;
	}

}
