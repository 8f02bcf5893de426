package ng.kinta.dedicatedaccounts.batch.job;

import java.io.IOException;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool of relay connections ({@code app.mail.connections}, 4 by default): each
 * connection opened and logged in once per run, a per-connection message cap answered
 * with 452 reconnects, and a refused login or a hanging relay is tried once per run.
 * Against {@link ScriptedSmtpRelay}, with a login and short JavaMail timeouts.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "app.job.chunk-size=16", "spring.mail.properties[mail.smtp.timeout]=1000",
		"spring.mail.properties[mail.smtp.connectiontimeout]=1000" })
class MailRelayPoolIntegrationTests extends JobIntegrationTest {

	private static final ScriptedSmtpRelay RELAY = ScriptedSmtpRelay.start();

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
	void aRunsEmailsShareFourConnectionsEachLoggedInOnceAndClosedAtTheEnd() {
		// given: three chunks of users, each chunk's emails shared among 4 connections
		RELAY.reset(Mode.ACCEPT);
		TestUsers.insertUsers(40);

		// when: two runs
		RunSummary first = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		int connectionsOfFirstRun = RELAY.connections();
		int loginsOfFirstRun = RELAY.logins();
		int quitsOfFirstRun = RELAY.quits();
		for (int i = 0; i < 40; i++) {
			TestUsers.insertUser(new Document("fullName", "Second User" + i)
				.append("auth", new Document("email", "second" + i + "@example.test"))
				.append("phoneNumber", String.format("0805%07d", i)));
		}
		RunSummary second = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: 4 connections and 4 logins per run, for three batches, closed with QUIT
		assertThat(first.data().emailsSent()).isEqualTo(40);
		assertThat(second.data().emailsSent()).isEqualTo(40);
		assertThat(RELAY.delivered()).hasSize(80).doesNotHaveDuplicates();
		assertThat(connectionsOfFirstRun).isEqualTo(4);
		assertThat(loginsOfFirstRun).isEqualTo(4);
		assertThat(quitsOfFirstRun).isEqualTo(4);
		assertThat(RELAY.connections()).isEqualTo(8);
		assertThat(RELAY.logins()).isEqualTo(8);
		assertThat(RELAY.quits()).isEqualTo(8);
	}

	@Test
	void aPerConnectionCapOf10AnsweredWith452ReconnectsAndSendsEveryEmail(CapturedOutput output) {
		// given: a relay that takes 10 messages per connection and answers the next
		// MAIL FROM with 452; 50 emails over 4 connections, so some connection meets it
		RELAY.reset(Mode.ACCEPT);
		RELAY.capMessagesPerConnection(10, 452);
		TestUsers.insertUsers(50);

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: every email sent once, each 452 followed by a new connection, and the
		// circuit never opened
		assertThat(summary.data().emailsSent()).isEqualTo(50);
		assertThat(summary.data().emailsPending()).isZero();
		assertThat(RELAY.delivered()).hasSize(50).doesNotHaveDuplicates();
		assertThat(RELAY.capped()).isPositive();
		assertThat(RELAY.connections()).isEqualTo(4 + RELAY.capped()).isBetween(5, 8);
		assertThat(RELAY.logins()).isEqualTo(RELAY.connections());
		assertThat(output.getAll()).doesNotContain("Mail relay failed");
	}

	@Test
	void aRefusedLoginIsTriedOncePerRunWhateverThePoolSize(CapturedOutput output) {
		// given: a relay that refuses our credentials (535)
		RELAY.reset(Mode.REFUSE_LOGIN);
		TestUsers.insertUsers(40);

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then: one connection, one login attempt, every account created, mail pending
		assertThat(summary.data().successCount()).isEqualTo(40);
		assertThat(summary.data().emailsSent()).isZero();
		assertThat(summary.data().emailsPending()).isEqualTo(40);
		assertThat(RELAY.connections()).isEqualTo(1);
		assertThat(RELAY.logins()).isEqualTo(1);
		assertThat(output.getAll()).contains("authentication refused by the relay (SMTP 535)");
	}

	@Test
	void aHangingRelayIsTriedOncePerRunWhateverThePoolSize() {
		// given: a relay that accepts connections and never greets
		RELAY.reset(Mode.HANG);
		TestUsers.insertUsers(20);

		// when
		RunSummary summary = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(summary.data().successCount()).isEqualTo(20);
		assertThat(summary.data().emailsPending()).isEqualTo(20);
		assertThat(RELAY.connections()).isEqualTo(1);
	}

}
