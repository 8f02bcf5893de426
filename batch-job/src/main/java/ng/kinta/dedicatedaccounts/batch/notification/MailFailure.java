package ng.kinta.dedicatedaccounts.batch.notification;

import java.io.IOException;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.MailAuthenticationException;

/**
 * What one failed email means, read from the exception JavaMail reported for it. Reply
 * codes per RFC 5321 §4.2 (https://www.rfc-editor.org/rfc/rfc5321#section-4.2): 5yz is
 * permanent, 4yz transient; 421 (service closing), 452 (insufficient storage, over quota)
 * and 454 (TLS or authentication unavailable) concern the relay, not the recipient.
 *
 * @param kind what to do with this email and the rest of the run's mail
 * @param reason why, for logs and the user's state: a reply code or an exception type,
 * never an address or the server's text (it may echo the address)
 */
record MailFailure(Kind kind, String reason) {

	/** Relay-level reply codes: the relay, not the recipient, is the problem. */
	private static final Set<Integer> RELAY_CODES = Set.of(421, 452, 454);

	/**
	 * Codes a relay answers once a connection has taken as many messages as it allows:
	 * 421 (closing the channel) and 452 (too many messages or recipients for now).
	 */
	private static final Set<Integer> CONNECTION_CAP_CODES = Set.of(421, 452);

	private static final int MAX_DEPTH = 10;

	enum Kind {

		/**
		 * The relay cannot take mail now (unreachable, no greeting, login refused, busy,
		 * over quota): every further email of the run would fail the same way.
		 */
		RELAY,

		/** This recipient can never receive the email (5xx to RCPT TO). */
		PERMANENT,

		/** This email may go through later (4xx to RCPT TO, anything unclassified). */
		TEMPORARY

	}

	/**
	 * Classifies a failure.
	 * @param failure what JavaMail or Spring reported for one message or the whole send
	 * @return its meaning
	 */
	static MailFailure of(Throwable failure) {
		if (failure instanceof MailAuthenticationException || failure instanceof AuthenticationFailedException) {
			return new MailFailure(Kind.RELAY, "authentication refused by the relay (SMTP 535)");
		}
		SMTPAddressFailedException recipient = null;
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current instanceof AuthenticationFailedException) {
				return new MailFailure(Kind.RELAY, "authentication refused by the relay (SMTP 535)");
			}
			Integer code = replyCode(current);
			if (code != null && RELAY_CODES.contains(code)) {
				return new MailFailure(Kind.RELAY, "relay unavailable (SMTP " + code + ")");
			}
			if (current instanceof SMTPAddressFailedException address && recipient == null) {
				recipient = address;
			}
			else if (current instanceof SMTPSenderFailedException || current instanceof SMTPSendFailedException) {
				// MAIL FROM or DATA refused: the same for every email we send
				return new MailFailure(Kind.RELAY, "relay refused the message (SMTP " + code + ")");
			}
			if (current instanceof IOException) {
				return new MailFailure(Kind.RELAY,
						"relay unreachable or silent (" + current.getClass().getSimpleName() + ")");
			}
			current = next(current);
		}
		if (recipient != null) {
			int code = recipient.getReturnCode();
			return (code >= 500) ? new MailFailure(Kind.PERMANENT, "recipient refused (SMTP " + code + ")")
					: new MailFailure(Kind.TEMPORARY, "recipient deferred (SMTP " + code + ")");
		}
		if (failure instanceof MessagingException) {
			// connection-level: "Could not connect to SMTP host" and the like
			return new MailFailure(Kind.RELAY, "relay failed (" + failure.getClass().getSimpleName() + ")");
		}
		return new MailFailure(Kind.TEMPORARY, failure.getClass().getSimpleName());
	}

	/**
	 * Whether the failure is a reply that, on a connection which has already taken
	 * messages, means "no more on this connection" (a relay's per-connection message
	 * cap): 421 or 452 to any command. On a fresh connection the same reply means the
	 * relay is unavailable ({@link #of}).
	 * @param failure what JavaMail reported for one message
	 * @return {@code true} for 421 or 452 anywhere in the chain
	 */
	static boolean endsConnection(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			Integer code = replyCode(current);
			if (code != null && CONNECTION_CAP_CODES.contains(code)) {
				return true;
			}
			current = next(current);
		}
		return false;
	}

	private static Integer replyCode(Throwable failure) {
		if (failure instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (failure instanceof SMTPSenderFailedException sender) {
			return sender.getReturnCode();
		}
		if (failure instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		return null;
	}

	private static Throwable next(Throwable failure) {
		if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return failure.getCause();
	}

}
