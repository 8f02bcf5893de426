package ng.kinta.dedicatedaccounts.batch.notification;

import java.net.SocketTimeoutException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

class MailFailureTests {

	private static final InternetAddress ADDRESS = address();

	@Test
	void recipientRefusedWith5xxIsPermanentAndDoesNotNameTheAddress() {
		MailFailure failure = MailFailure.of(invalidAddresses(550, "550 5.1.1 <ada@example.test>: User unknown"));

		assertThat(failure.kind()).isEqualTo(MailFailure.Kind.PERMANENT);
		assertThat(failure.reason()).contains("550").doesNotContain("example.test");
	}

	@Test
	void recipientDeferredWith4xxIsTemporary() {
		assertThat(MailFailure.of(invalidAddresses(450, "450 4.2.0 Mailbox busy")).kind())
			.isEqualTo(MailFailure.Kind.TEMPORARY);
	}

	@Test
	void overQuotaAndServiceUnavailableConcernTheRelay() {
		assertThat(MailFailure.of(invalidAddresses(452, "452 4.3.1 Insufficient storage")).kind())
			.isEqualTo(MailFailure.Kind.RELAY);
		assertThat(
				MailFailure.of(new SMTPSendFailedException("MAIL", 421, "421 closing", null, null, null, null)).kind())
			.isEqualTo(MailFailure.Kind.RELAY);
		assertThat(MailFailure
			.of(new SMTPSendFailedException("MAIL", 454, "454 TLS not available", null, null, null, null))
			.reason()).contains("454");
	}

	@Test
	void only421And452CanEndAConnectionThatHasTakenMessages() {
		assertThat(MailFailure.endsConnection(
				new SMTPSendFailedException("MAIL", 452, "452 4.5.3 Too many messages", null, null, null, null)))
			.isTrue();
		assertThat(MailFailure
			.endsConnection(new SMTPSendFailedException("MAIL", 421, "421 4.7.0 Closing", null, null, null, null)))
			.isTrue();
		assertThat(MailFailure.endsConnection(invalidAddresses(452, "452 4.5.3 Too many recipients"))).isTrue();
		assertThat(MailFailure.endsConnection(invalidAddresses(550, "550 5.1.1 User unknown"))).isFalse();
		assertThat(MailFailure
			.endsConnection(new SMTPSendFailedException("MAIL", 454, "454 TLS not available", null, null, null, null)))
			.isFalse();
	}

	@Test
	void refusedLoginConcernsTheRelay() {
		assertThat(MailFailure.of(new MailAuthenticationException(new AuthenticationFailedException("535"))).kind())
			.isEqualTo(MailFailure.Kind.RELAY);
	}

	@Test
	void noConnectionOrNoGreetingConcernsTheRelay() {
		MessagingException noGreeting = new MessagingException("Could not connect to SMTP host",
				new SocketTimeoutException("Read timed out"));

		assertThat(MailFailure.of(noGreeting).kind()).isEqualTo(MailFailure.Kind.RELAY);
		assertThat(MailFailure.of(noGreeting).reason()).contains("SocketTimeoutException");
	}

	private static SendFailedException invalidAddresses(int code, String reply) {
		SMTPAddressFailedException refused = new SMTPAddressFailedException(ADDRESS, "RCPT TO", code, reply);
		return new SendFailedException("Invalid Addresses", refused);
	}

	private static InternetAddress address() {
		try {
			return new InternetAddress("ada@example.test");
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
