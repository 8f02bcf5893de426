package ng.kinta.dedicatedaccounts.batch.job;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.ScriptedSmtpRelay;
import ng.kinta.dedicatedaccounts.batch.support.ScriptedSmtpRelay.Mode;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail relay that hangs, refuses the login or refuses a recipient: accounts are created
 * all the same, the relay is tried once per run, and a refused recipient is failed for
 * good. Against {@link ScriptedSmtpRelay}, with a login (as Brevo requires) and short
 * JavaMail timeouts, over one relay connection (the pool of several:
 * {@link MailRelayPoolIntegrationTests}).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "app.job.chunk-size=16", "app.mail.connections=1",
		"spring.mail.properties[mail.smtp.timeout]=1000", "spring.mail.properties[mail.smtp.connectiontimeout]=1000" })
class MailRelayFaultsIntegrationTests extends JobIntegrationTest {

	private static final ScriptedSmtpRelay RELAY = ScriptedSmtpRelay.start();

	private static final Pattern RELAY_FAILED = Pattern.compile("Mail relay failed");

	@Autowired
	private JobRunService runs;

	@DynamicPropertySource
	static void relay(DynamicPropertyRegistry registry) {
		RELAY.register(registry);
	}

	@AfterAll
	static void stopRelay() throws IOException {
		RELAY.close();
	}

	@BeforeEach
	void billstackWorksAtTheFirstBank() {
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));
	}

	@Test
	void aRunsEmailsGoOutOverOneConnectionClosedAtTheEnd() {
		// given: three chunks of users
		RELAY.reset(Mode.ACCEPT);
		TestUsers.insertUsers(40);

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: one connection and one login for the three batches, closed with QUIT
		assertThat(summary.data().emailsSent()).isEqualTo(40);
		assertThat(RELAY.delivered()).hasSize(40).doesNotHaveDuplicates();
		assertThat(RELAY.connections()).isEqualTo(1);
		assertThat(RELAY.logins()).isEqualTo(1);
		assertThat(RELAY.quits()).isEqualTo(1);
	}

	@ParameterizedTest(name = "relay hangs up after {0} messages")
	@ValueSource(ints = { 10, 16, 20 })
	void aConnectionTheRelayHungUpIsOpenedAgainAndNothingIsLeftPending(int messagesPerConnection,
			CapturedOutput output) {
		// given: a relay that hangs up after so many messages on one connection: inside
		// a chunk's batch (10, 20) or between two batches (16, the chunk size)
		RELAY.reset(Mode.ACCEPT);
		RELAY.hangUpAfter(messagesPerConnection);
		TestUsers.insertUsers(40);

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: a new connection each time the relay hung up, every email sent once, and
		// the relay was never taken for down
		assertThat(summary.data().emailsSent()).isEqualTo(40);
		assertThat(summary.data().emailsPending()).isZero();
		assertThat(RELAY.delivered()).hasSize(40).doesNotHaveDuplicates();
		assertThat(RELAY.connections()).isEqualTo((40 + messagesPerConnection - 1) / messagesPerConnection);
		assertThat(output.getAll()).doesNotContain("Mail relay failed");
	}

	@ParameterizedTest(name = "relay answers {0} after 10 messages")
	@ValueSource(ints = { 452, 421 })
	void aPerConnectionCapAnsweredWith452Or421ReconnectsAndOpensNoCircuit(int reply, CapturedOutput output) {
		// given: a relay that takes 10 messages per connection, then answers the next
		// MAIL FROM with 452 (keeping the connection) or 421 (closing it)
		RELAY.reset(Mode.ACCEPT);
		RELAY.capMessagesPerConnection(10, reply);
		TestUsers.insertUsers(40);

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: a new connection (and login) after every 10 messages, every email sent
		// once, the relay never taken for down
		assertThat(summary.data().emailsSent()).isEqualTo(40);
		assertThat(summary.data().emailsPending()).isZero();
		assertThat(RELAY.delivered()).hasSize(40).doesNotHaveDuplicates();
		assertThat(RELAY.connections()).isEqualTo(4);
		assertThat(RELAY.logins()).isEqualTo(4);
		assertThat(RELAY.capped()).isEqualTo(3);
		assertThat(output.getAll()).doesNotContain("Mail relay failed");
	}

	@Test
	void aHangingRelayHoldsUpNoAccountAndMailGoesOutOnceItIsBack() {
		// given: a relay that accepts connections and never greets
		RELAY.reset(Mode.HANG);
		List<ObjectId> first = TestUsers.insertUsers(20);

		// when: a run while it hangs, then another with new users while it still hangs
		RunSummary hanging = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		int connectionsOfFirstRun = RELAY.connections();
		for (int i = 0; i < 5; i++) {
			TestUsers.insertUser(new Document("fullName", "Late User" + i)
				.append("auth", new Document("email", "late" + i + "@example.test"))
				.append("phoneNumber", String.format("0805%07d", i)));
		}
		RunSummary stillHanging = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		int connectionsOfSecondRun = RELAY.connections() - connectionsOfFirstRun;
		RELAY.switchTo(Mode.ACCEPT);
		RunSummary back = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: every account in the run that met the hanging relay, one connection
		// attempt per run, and every email once the relay is back
		assertThat(hanging.data().successCount()).isEqualTo(20);
		assertThat(hanging.data().emailsSent()).isZero();
		assertThat(hanging.data().emailsPending()).isEqualTo(20);
		assertThat(connectionsOfFirstRun).isEqualTo(1);
		assertThat(stillHanging.data().successCount()).isEqualTo(5);
		assertThat(stillHanging.data().emailsPending()).isEqualTo(25);
		assertThat(connectionsOfSecondRun).isEqualTo(1);
		assertThat(back.data().emailsSent()).isEqualTo(25);
		assertThat(back.data().emailsPending()).isZero();
		assertThat(RELAY.delivered()).hasSize(25).doesNotHaveDuplicates();
		assertThat(TestUsers.provisioning(first.get(0)).getString("notification")).isEqualTo("SENT");
		InProcessServices.BILLSTACK.verify(25, postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)));
	}

	@Test
	void aRefusedLoginIsTriedOnceThenTheCircuitOpens(CapturedOutput output) {
		// given: a relay that refuses our credentials (535)
		RELAY.reset(Mode.REFUSE_LOGIN);
		TestUsers.insertUsers(40);
		int errorLinesBefore = count(output);

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: one login, one ERROR line naming the cause, every account created
		assertThat(summary.data().successCount()).isEqualTo(40);
		assertThat(summary.data().emailsSent()).isZero();
		assertThat(summary.data().emailsPending()).isEqualTo(40);
		assertThat(RELAY.logins()).isEqualTo(1);
		assertThat(count(output) - errorLinesBefore).isEqualTo(1);
		assertThat(output.getAll()).contains("authentication refused by the relay (SMTP 535)");
		// and no catch-up run is chained after it
		assertThat(this.runs.chainOf(summary.jobExecutionId()).circuitOpened()).isEqualTo("mail relay");
	}

	@Test
	void aRelayAnswering421OpensTheCircuitAfterOneConnection() {
		// given
		RELAY.reset(Mode.UNAVAILABLE);
		TestUsers.insertUsers(20);

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.data().successCount()).isEqualTo(20);
		assertThat(summary.data().emailsPending()).isEqualTo(20);
		assertThat(RELAY.connections()).isEqualTo(1);
	}

	@Test
	void aRecipientRefusedWith550IsFailedForGoodAndNeverRetried() {
		// given: the relay does not know the second user's address
		List<ObjectId> users = TestUsers.insertUsers(3);
		RELAY.reset(Mode.ACCEPT, "user1@example.test");

		// when
		RunSummary first = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		RunSummary second = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(first.data().emailsSent()).isEqualTo(2);
		assertThat(first.data().emailsFailed()).isEqualTo(1);
		assertThat(first.data().emailsPending()).isZero();
		assertThat(second.data().emailsSent()).isZero();
		assertThat(second.data().emailsFailed()).isZero();
		Document refused = TestUsers.provisioning(users.get(1));
		assertThat(refused.getString("notification")).isEqualTo("FAILED");
		assertThat(refused.getString("notificationError")).contains("550").doesNotContain("example.test");
		assertThat(RELAY.recipientAttempts()).filteredOn("user1@example.test"::equals).hasSize(1);
		assertThat(RELAY.delivered()).containsExactlyInAnyOrder("user0@example.test", "user2@example.test");
		// the refused recipient did not cost the others their connection
		assertThat(RELAY.connections()).isEqualTo(1);
	}

	private static int count(CapturedOutput output) {
		Matcher matcher = RELAY_FAILED.matcher(output.getAll());
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
