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

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection to the relay, kept open across a run's batches: a run pays for the
 * connection, TLS and login once instead of once per batch (against a distant relay that
 * is 300 ms or more each time). It is opened by the first batch that uses it (through the
 * pool's {@link RelayConnections#open} gate, so that a run tries a failing relay once),
 * checked before each further batch ({@link Transport#isConnected()}, a {@code NOOP} for
 * SMTP) and reopened when the relay has dropped it, and reopened in the middle of a batch
 * once it has taken messages when the relay hangs up or answers {@code 421} or
 * {@code 452} (relays close idle connections and limit messages per connection); closed
 * by {@link #close()} at the end of the run.
 * <p>
 * Built on Jakarta Mail's {@link Transport}, with the session, host, port and login of
 * Spring Boot's {@link JavaMailSenderImpl} ({@code spring.mail.*}); failures are reported
 * the way {@link JavaMailSenderImpl#send(MimeMessage...)} reports them. Used by one mail
 * thread at a time (the pool lends it); the methods are synchronized all the same.
 */
class RelayConnection {

	private static final Logger logger = LoggerFactory.getLogger(RelayConnection.class);

	private final JavaMailSenderImpl mailSender;

	private final RelayConnections pool;

	private @Nullable Transport transport;

	/** Messages the open connection has taken, in this batch or earlier ones. */
	private int taken;

	RelayConnection(JavaMailSenderImpl mailSender, RelayConnections pool) {
		this.mailSender = mailSender;
		this.pool = pool;
	}

	/**
	 * Sends messages over the open connection, opening it first when there is none or the
	 * relay dropped it. When the relay hangs up, or answers {@code 421} or {@code 452},
	 * after taking messages on this connection (relays limit messages per connection), a
	 * new connection takes the message that failed and the rest; a connection that fails
	 * before taking any message is not replaced.
	 * @param messages messages built from {@link JavaMailSenderImpl#createMimeMessage()}
	 * @throws MailAuthenticationException when the relay refuses the first login (nothing
	 * sent)
	 * @throws MailSendException when some messages failed: they are the keys of
	 * {@link MailSendException#getFailedMessages()}, with JavaMail's exception for each
	 * (the connection's exception for every message not sent when the relay cannot be
	 * reached); every other message was accepted
	 */
	synchronized void send(MimeMessage... messages) {
		if (messages.length == 0) {
			return;
		}
		Transport open;
		try {
			open = connected();
		}
		catch (AuthenticationFailedException ex) {
			throw new MailAuthenticationException(ex);
		}
		catch (MessagingException ex) {
			throw new MailSendException("Mail server connection failed", ex, failAll(messages, 0, ex));
		}
		Map<Object, Exception> failed = new LinkedHashMap<>();
		int next = 0;
		while (next < messages.length) {
			try {
				sendOne(open, messages[next]);
				this.taken++;
			}
			catch (MessagingException | RuntimeException ex) {
				boolean connected = open.isConnected();
				if (this.taken > 0 && (!connected || MailFailure.endsConnection(ex))) {
					// the relay hung up or capped this connection after taking messages:
					// this one (it was not confirmed, so not taken) and the rest go over
					// a new connection
					logger.debug("Mail relay connection ended after {} messages, reconnecting", this.taken);
					try {
						close();
						open = connected();
						continue;
					}
					catch (MessagingException reconnect) {
						failed.putAll(failAll(messages, next, reconnect));
						break;
					}
				}
				if (connected) {
					// this message only (a refused recipient, for instance)
					failed.put(messages[next], ex);
				}
				else {
					failed.putAll(failAll(messages, next, ex));
					break;
				}
			}
			next++;
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

	private static void sendOne(Transport open, MimeMessage message) throws MessagingException {
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		// sendMessage, unlike Transport.send, does not update the MIME headers; an
		// explicit Message-ID is kept, as JavaMailSenderImpl keeps it
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		Address[] recipients = message.getAllRecipients();
		open.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
	}

	private static Map<Object, Exception> failAll(MimeMessage[] messages, int from, Exception cause) {
		Map<Object, Exception> failed = new LinkedHashMap<>();
		for (int i = from; i < messages.length; i++) {
			failed.put(messages[i], cause);
		}
		return failed;
	}

	private Transport connected() throws MessagingException {
		Transport open = this.transport;
		if (open != null && open.isConnected()) {
			return open;
		}
		close();
		Transport fresh = this.pool.open(this::connect);
		this.transport = fresh;
		this.taken = 0;
		return fresh;
	}

	private Transport connect() throws MessagingException {
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
		return fresh;
	}

}
