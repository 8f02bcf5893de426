package ng.kinta.dedicatedaccounts.batch.notification;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One SMTP connection to the relay, kept open across a run's batches: a run pays for the
 * connection, TLS and login once instead of once per batch (against a distant relay that
 * is 300 ms or more each time). It is opened by the first batch, checked before each
 * further batch ({@link Transport#isConnected()}, a {@code NOOP} for SMTP) and reopened
 * when the relay has dropped it, and closed by {@link #close()} at the end of the run.
 * <p>
 * Built on Jakarta Mail's {@link Transport}, with the session, host, port and login of
 * Spring Boot's {@link JavaMailSenderImpl} ({@code spring.mail.*}); failures are reported
 * the way {@link JavaMailSenderImpl#send(MimeMessage...)} reports them. Meant for one
 * thread at a time (the mail thread); the methods are synchronized all the same.
 */
@Component
class RelayConnection implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RelayConnection.class);

	private final JavaMailSenderImpl mailSender;

	private @Nullable Transport transport;

	RelayConnection(JavaMailSenderImpl mailSender) {
		this.mailSender = mailSender;
	}

	/**
	 * Sends messages over the open connection, opening it first when there is none or the
	 * relay dropped it.
	 * @param messages messages built from {@link JavaMailSenderImpl#createMimeMessage()}
	 * @throws MailAuthenticationException when the relay refuses the login (nothing sent)
	 * @throws MailSendException when some messages failed: they are the keys of
	 * {@link MailSendException#getFailedMessages()}, with JavaMail's exception for each
	 * (every message, with the connection's exception, when the relay cannot be reached);
	 * every other message was accepted
	 */
	synchronized void send(MimeMessage... messages) {
		Transport open;
		try {
			open = connected();
		}
		catch (AuthenticationFailedException ex) {
			throw new MailAuthenticationException(ex);
		}
		catch (MessagingException ex) {
			Map<Object, Exception> failed = new LinkedHashMap<>();
			for (MimeMessage message : messages) {
				failed.put(message, ex);
			}
			throw new MailSendException("Mail server connection failed", ex, failed);
		}
		Map<Object, Exception> failed = new LinkedHashMap<>();
		Exception lostConnection = null;
		for (MimeMessage message : messages) {
			if (lostConnection != null) {
				// the relay hung up: the rest fail the same way, without a try each
				failed.put(message, lostConnection);
				continue;
			}
			try {
				if (message.getSentDate() == null) {
					message.setSentDate(new Date());
				}
				// sendMessage, unlike Transport.send, does not update the MIME headers
				message.saveChanges();
				Address[] recipients = message.getAllRecipients();
				open.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
			}
			catch (MessagingException | RuntimeException ex) {
				failed.put(message, ex);
				if (!open.isConnected()) {
					lostConnection = ex;
				}
			}
		}
		if (!failed.isEmpty()) {
			throw new MailSendException(failed);
		}
	}

	/**
	 * Closes the connection, if one is open ({@code QUIT}). The next send opens a new
	 * one.
	 */
	synchronized void close() {
		Transport open = this.transport;
		this.transport = null;
		if (open == null) {
			return;
		}
		try {
			open.close();
		}
		catch (MessagingException ex) {
			// everything sent was already accepted; a failed QUIT loses nothing
			logger.debug("Closing the mail relay connection failed: {}", ex.getClass().getSimpleName());
		}
	}

	@Override
	public void destroy() {
		close();
	}

	private Transport connected() throws MessagingException {
		Transport open = this.transport;
		if (open != null && open.isConnected()) {
			return open;
		}
		close();
		String protocol = this.mailSender.getProtocol();
		Transport fresh = this.mailSender.getSession()
			.getTransport((protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
		// as JavaMailSenderImpl does: an empty user name (an unset placeholder) means no
		// login
		String username = this.mailSender.getUsername();
		String password = this.mailSender.getPassword();
		if ("".equals(username)) {
			username = null;
			password = "".equals(password) ? null : password;
		}
		fresh.connect(this.mailSender.getHost(), this.mailSender.getPort(), username, password);
		this.transport = fresh;
		return fresh;
	}

}
