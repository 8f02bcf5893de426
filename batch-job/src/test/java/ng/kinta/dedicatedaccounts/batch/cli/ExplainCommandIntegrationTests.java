package ng.kinta.dedicatedaccounts.batch.cli;

import com.github.tomakehurst.wiremock.client.WireMock;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch-job.jar explain} on the in-process MongoDB, Billstack (WireMock) and SMTP,
 * after a real run: a user in each state is explained in words, found by id or by email
 * in any case, with the email and phone masked; a user that does not exist exits with 4.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExplainCommandIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private ObjectId provisioned;

	private ObjectId refused;

	private ObjectId unusable;

	private ObjectId inactive;

	private ObjectId parked;

	private ObjectId owner;

	@BeforeEach
	void aRunWithEveryKindOfUser(CapturedOutput output) {
		InProcessServices.reset();
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));
		InProcessServices.BILLSTACK.stubFor(BillstackStubs.generateAt("PALMPAY")
			.withRequestBody(WireMock.containing("refused@example.test"))
			.atPriority(1)
			.willReturn(BillstackStubs.statusFalse("BVN mismatch")));
		this.provisioned = user("Ada Obi", "ada@example.test", "08031234567");
		this.refused = user("Bola Ade", "refused@example.test", "08039876543");
		this.unusable = TestUsers
			.insertUser(new Document("fullName", "Chi Eze").append("auth", new Document("email", "chi@example.test")));
		this.inactive = user("Dayo Oke", "dayo@example.test", "08030000001");
		InProcessServices.database()
			.getCollection("users")
			.updateOne(new Document("_id", this.inactive), new Document("$set", new Document("status", "inactive")));
		this.parked = TestUsers
			.insertUser(
					new Document("fullName", "Efe Ude").append("auth", new Document("email", "efe@example.test"))
						.append("phoneNumber", "08030000002")
						.append("accountProvisioning", new Document("state", "NEEDS_RECONCILIATION")
							.append("reconciliationReason", "no answer from PALMPAY twice")
							.append("request", new Document("bank", "PALMPAY").append("reference", "ref-efe-1"))));
		this.owner = user("Femi Ola", "femi@example.test", "08030000003");
		InProcessServices.database()
			.getCollection("accounts")
			.insertOne(new Document("user", this.owner).append("hasDedicatedAccountNumber", true));
		assertThat(run("run")).isZero();
	}

	@Test
	void eachKindOfUserIsExplainedInWords(CapturedOutput output) {
		assertThat(explain(output, this.provisioned.toHexString())).contains("Has account 9")
			.contains("at PALMPAY Bank; email sent.")
			.contains("request sent  bank PALMPAY")
			.contains("account created  bank PALMPAY")
			.contains("account written to accounts")
			.contains("Job state: PROVISIONED");
		assertThat(explain(output, this.refused.toHexString())).contains("Every bank refused (1 failed attempt)")
			.contains("not tried again before")
			.contains("BVN mismatch")
			.contains("refused by every bank");
		assertThat(explain(output, this.unusable.toHexString())).contains("The record cannot be used")
			.contains("missing phoneNumber")
			.contains("Job state: UNUSABLE_RECORD");
		assertThat(explain(output, this.inactive.toHexString())).contains("Not eligible: its status is 'inactive'")
			.contains("Eligibility: not eligible");
		assertThat(explain(output, this.parked.toHexString())).contains("Waits for an operator")
			.contains("reference ref-efe-1 at PALMPAY")
			.contains("record the account or release the user");
		assertThat(explain(output, this.owner.toHexString())).contains("Already owns a dedicated account")
			.contains("accounts document");
		// the job's history, the account and the email: nothing printed names the user
		assertThat(output.getOut()).doesNotContain("ada@example.test")
			.doesNotContain("08031234567")
			.doesNotContain("refused@example.test");
	}

	@Test
	void aUserIsFoundByEmailInAnyCaseAndItsEmailAndPhoneAreMasked(CapturedOutput output) {
		int before = output.getOut().length();

		int exitCode = run("explain", " Refused@Example.TEST ", "--json");

		assertThat(exitCode).isZero();
		JsonNode user = this.json.readTree(output.getOut().substring(before).strip());
		assertThat(user.path("userId").asString()).isEqualTo(this.refused.toHexString());
		assertThat(user.path("maskedEmail").asString()).isEqualTo("r***@example.test");
		assertThat(user.path("maskedPhone").asString()).isEqualTo("0803****543");
		assertThat(user.path("job").path("state").asString()).isEqualTo("FAILED");
		assertThat(user.path("job").path("claim").path("jobExecutionId").asLong()).isPositive();
		assertThat(user.path("history").findValuesAsString("event")).containsExactly("CLAIMED", "REQUEST_SENT",
				"FAILED");
		assertThat(output.getOut().substring(before)).doesNotContain("refused@example.test")
			.doesNotContain("08039876543");
	}

	@Test
	void aUserThatDoesNotExistExitsWith4WithoutEchoingTheArgument(CapturedOutput output) {
		int byId = run("explain", new ObjectId().toHexString());
		int byEmail = run("explain", "nobody@example.test");

		assertThat(byId).isEqualTo(ExitCodes.NO_SUCH_USER).isEqualTo(4);
		assertThat(byEmail).isEqualTo(ExitCodes.NO_SUCH_USER);
		assertThat(output.getOut()).contains("No such user").doesNotContain("nobody@example.test");
	}

	private static ObjectId user(String name, String email, String phone) {
		return TestUsers.insertUser(new Document("fullName", name).append("auth", new Document("email", email))
			.append("phoneNumber", phone));
	}

	private static String explain(CapturedOutput output, String user) {
		int before = output.getOut().length();
		assertThat(run("explain", user)).isZero();
		return output.getOut().substring(before);
	}

	private static int run(String... command) {
		return BatchJobApplication.run(InProcessServices.commandLine("batch-explain", command), (application) -> {
		});
	}

}
