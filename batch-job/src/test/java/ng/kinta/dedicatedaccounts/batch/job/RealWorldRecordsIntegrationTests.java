package ng.kinta.dedicatedaccounts.batch.job;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records as users typed them and databases as operators left them, through the whole
 * job: what reaches Billstack, what is skipped with a reason, what is counted.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "app.job.max-users-per-run=3")
class RealWorldRecordsIntegrationTests extends JobIntegrationTest {

	@Autowired
	private JobRunService runs;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void phonesAndNamesTypedOnPhonesReachBillstackNormalised() {
		// given: the examples
		user("a@example.test", "Ada\u00a0Obi", "0803\u00a0123\u00a04567");
		user("b@example.test", "Ada\u200b Obi", "0803\u2013123\u20134567");
		user("c@example.test", "\u200eAda\u3000Obi\u200f", "002348031234567");
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.data().successCount()).isEqualTo(3);
		List<JsonNode> requests = billstackRequests();
		assertThat(requests).hasSize(3).allSatisfy((request) -> {
			assertThat(request.path("phone").asString()).isEqualTo("08031234567");
			assertThat(request.path("firstName").asString()).isEqualTo("Ada");
			assertThat(request.path("lastName").asString()).isEqualTo("Obi");
		});
	}

	@Test
	void addressesThatCannotBeMailedAreSkippedBeforeBillstack() {
		// given
		ObjectId twoAddresses = user("ada.obi@example.test,ada.o@example.test", "Ada Obi", "08031234567");
		ObjectId doubleAt = user("ada@@example.test", "Ada Obi", "08031234567");
		ObjectId displayName = user("Ada Obi <ada@example.test>", "Ada Obi", "08031234567");

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.data().skippedCount()).isEqualTo(3);
		assertThat(summary.data().successCount()).isZero();
		InProcessServices.BILLSTACK.verify(0, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
		for (ObjectId id : List.of(twoAddresses, doubleAt, displayName)) {
			assertThat(TestUsers.provisioning(id).getString("state")).isEqualTo("UNUSABLE_RECORD");
			assertThat(TestUsers.provisioning(id).getString("lastError")).startsWith("auth.email is not");
		}
	}

	@Test
	void usersWhoseIdIsNotAnObjectIdAreCountedLoggedOnceAndTakeNoPlace(CapturedOutput output) {
		// given: they sort before every ObjectId, and the run takes 3 users
		for (String id : List.of("legacy-a", "legacy-b")) {
			InProcessServices.database()
				.getCollection("users")
				.insertOne(new Document("_id", id).append("fullName", "Old User")
					.append("auth", new Document("email", id + "@example.test"))
					.append("phoneNumber", "08031234567")
					.append("status", "active")
					.append("isEmailVerified", true));
		}
		List<ObjectId> users = TestUsers.insertUsers(3);
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.data().ignoredRecords()).isEqualTo(2);
		assertThat(summary.data().processedInThisRun()).isEqualTo(3);
		assertThat(summary.data().successCount()).isEqualTo(3);
		assertThat(users)
			.allSatisfy((id) -> assertThat(TestUsers.provisioning(id).getString("state")).isEqualTo("PROVISIONED"));
		assertThat(this.jsonMapper.writeValueAsString(summary)).contains("\"ignoredRecords\":2");
		assertThat(output.getAll().split("users ignored because their _id is not an ObjectId", -1)).hasSize(2);
		assertThat(output.getAll())
			.contains("2 users ignored because their _id is not an ObjectId: legacy-a, legacy-b");
		assertThat(this.runs.summaryOf(summary.jobExecutionId())).contains(summary);
	}

	@Test
	void aDatabaseWithoutUsersFailsTheRunAndGetsNothingCreated(CapturedOutput output) {
		// given: the URI names a database that is not the app's
		InProcessServices.database().getCollection("users").drop();

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.status()).isEqualTo("error");
		assertThat(summary.exitStatus()).isEqualTo("FAILED");
		assertThat(InProcessServices.database().listCollectionNames().into(new ArrayList<>())).doesNotContain("users",
				"accounts");
		assertThat(output.getAll()).contains("Database \"kinta\" has no \"users\" collection");
		InProcessServices.BILLSTACK.verify(0, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
	}

	private static ObjectId user(String email, String fullName, String phone) {
		return TestUsers.insertUser(new Document("fullName", fullName)
			.append("auth", new Document("email", email).append("password", "$2a$10$FIXTURESECRET"))
			.append("phoneNumber", phone));
	}

	private List<JsonNode> billstackRequests() {
		return InProcessServices.BILLSTACK.findAll(postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.map(this.jsonMapper::readTree)
			.toList();
	}

}
