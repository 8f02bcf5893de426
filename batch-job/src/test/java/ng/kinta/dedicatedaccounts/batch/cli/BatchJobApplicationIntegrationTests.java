package ng.kinta.dedicatedaccounts.batch.cli;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.RequestsAndMail;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code batch-job.jar}'s entry point against the in-process MongoDB, Billstack
 * (WireMock) and SMTP: settings given as {@code --name=value} reach the job, a misspelt
 * option runs nothing at all, {@code executions --json} is JSON, an application abandoned
 * on purpose (ahead-of-time processing) is not a configuration error.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchJobApplicationIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void services() {
		InProcessServices.reset();
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));
		TestUsers.insertUsers(3);
	}

	@Test
	void aMisspeltOptionExitsWith2WithoutCallingBillstackOrSendingMail(CapturedOutput output) {
		int exitCode = run(output, "--dryrun");

		assertThat(exitCode).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
		assertThat(InProcessServices.BILLSTACK.getAllServeEvents()).isEmpty();
		assertThat(InProcessServices.SMTP.getReceivedMessages()).isEmpty();
		assertThat(output.getErr()).contains("Unknown option: '--dryrun'").contains("Usage:");
	}

	@Test
	void settingsReachTheJobAndExecutionsPrintsJson(CapturedOutput output) {
		// given a run capped at 2 users by a setting on the command line
		assertThat(run(output, "run", "--app.job.max-users-per-run=2")).isZero();
		assertThat(InProcessServices.BILLSTACK.getAllServeEvents()).hasSize(2);
		int before = output.getOut().length();

		// when
		int exitCode = run(output, "executions", "--json");

		// then
		assertThat(exitCode).isZero();
		String stdout = output.getOut().substring(before).strip();
		assertThat(stdout.lines()).hasSize(1);
		JsonNode executions = this.json.readTree(stdout);
		assertThat(executions.isArray()).isTrue();
		assertThat(executions.get(0).path("status").asString()).isEqualTo("COMPLETED");
		assertThat(executions.get(0).path("writeCount").asLong()).isEqualTo(2);
		assertThat(executions.get(0).path("jobExecutionId").asLong()).isPositive();
	}

	@Test
	void anOperatorRecordsTheAccountOfAParkedUserAndTheNextRunEmailsItWithoutAskingBillstack(CapturedOutput output)
			throws Exception {
		// given: a user parked for reconciliation
		ObjectId parked = TestUsers
			.insertUser(new Document("fullName", "Ada Obi").append("auth", new Document("email", "ada@example.test"))
				.append("phoneNumber", "08031234567")
				.append("accountProvisioning",
						new Document("state", "NEEDS_RECONCILIATION").append("reconciliationReason", "no answer")
							.append("request", new Document("bank", "PALMPAY").append("reference", "r-1"))));
		assertThat(run(output, "reconciliation", "--json")).isZero();
		assertThat(output.getOut()).contains("\"userId\":\"" + parked.toHexString() + "\"")
			.contains("\"bank\":\"PALMPAY\"")
			.doesNotContain("ada@example.test");

		// when
		int recorded = run(output, "reconciliation", "record", parked.toHexString(), "--account-number", "9012345678",
				"--bank", "PALMPAY", "--account-name", "Kinta-Ada Obi", "--by", "ops");
		int again = run(output, "reconciliation", "release", parked.toHexString());
		assertThat(run(output, "run")).isZero();

		// then: recorded once (a second resolution changes nothing), written and mailed;
		// Billstack was asked only for the three other users
		assertThat(recorded).isZero();
		assertThat(again).isEqualTo(ExitCodes.FAILED);
		Document state = TestUsers.provisioning(parked);
		assertThat(state.getString("state")).isEqualTo("PROVISIONED");
		assertThat(state.getList("resolutions", Document.class)).singleElement()
			.satisfies((resolution) -> assertThat(resolution.getString("by")).isEqualTo("ops"));
		assertThat(InProcessServices.database()
			.getCollection("accounts")
			.find(new Document("user", parked))
			.first()
			.get("accountDetails", Document.class)
			.getString("accountNumber")).isEqualTo("9012345678");
		assertThat(InProcessServices.BILLSTACK.getAllServeEvents()).hasSize(3);
		assertThat(RequestsAndMail.emailsPerRecipient()).containsEntry("ada@example.test", 1);
	}

	@Test
	void anApplicationAbandonedOnPurposeIsNotReportedAsAConfigurationError(CapturedOutput output) {
		// given: what Spring Boot's ahead-of-time processing does once it has the bean
		// definitions
		SpringApplication.AbandonedRunException abandoned = new SpringApplication.AbandonedRunException();

		// when / then: it reaches the caller instead of becoming exit code 2
		assertThatThrownBy(() -> BatchJobApplication.run(settings("executions"),
				(application) -> application.addListeners((ApplicationPreparedEvent event) -> {
					throw abandoned;
				})))
			.isSameAs(abandoned);
		assertThat(output.getErr()).doesNotContain("Could not start");
	}

	private static int run(CapturedOutput output, String... command) {
		return BatchJobApplication.run(settings(command), (application) -> {
		});
	}

	private static String[] settings(String... command) {
		return InProcessServices.commandLine("batch-command-line", command);
	}

}
