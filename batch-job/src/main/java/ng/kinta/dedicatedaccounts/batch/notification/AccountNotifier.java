package ng.kinta.dedicatedaccounts.batch.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of account emails over one pooled SMTP connection and records each
 * outcome on its user right after the relay answered: {@code SENT} for the emails the
 * relay accepted, {@code FAILED} with a reason for a recipient refused for good (5xx to
 * {@code RCPT TO}) or an address that cannot be parsed strictly, and {@code PENDING}
 * (left for a later run) for everything else. A relay-level failure opens the run's
 * {@link MailRelayCircuit}. A mail failure never loses the account.
 */
@Component
public class AccountNotifier {

	private static final Logger logger = LoggerFactory.getLogger(AccountNotifier.class);

	private final AccountEmailSender sender;

	private final ProvisioningStateRepository provisioningState;

	private final MailRelayCircuit circuit;

	private final ProvisioningMetrics metrics;

	AccountNotifier(AccountEmailSender sender, ProvisioningStateRepository provisioningState, MailRelayCircuit circuit,
			ProvisioningMetrics metrics) {
		this.metrics = metrics;
		this.sender = sender;
		this.provisioningState = provisioningState;
		this.circuit = circuit;
	}

	/**
	 * Sends the emails (over one of the run's open connections, or one per email when
	 * {@code app.mail.connection-per-email} is set) and records the outcomes.
	 * @param emails the users and their emails
	 * @return how many were sent and how many failed for good; the rest stay pending
	 */
	public Outcome send(List<PendingEmails.Pending> emails) {
		if (emails.isEmpty() || this.circuit.isOpen()) {
			return Outcome.NONE;
		}
		Map<MimeMessage, ObjectId> messages = new LinkedHashMap<>();
		int failed = 0;
		for (PendingEmails.Pending email : emails) {
			try {
				messages.put(this.sender.prepare(email.email()), email.userId());
			}
			catch (AddressException ex) {
				fail(email.userId(), "address cannot be parsed strictly");
				failed++;
			}
		}
		List<ObjectId> sent = new ArrayList<>(messages.values());
		try {
			this.sender.send(messages.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			failed += sortOut(ex, messages, sent);
		}
		catch (MailException ex) {
			// refused login (MailAuthenticationException) and the like: nothing went out
			sent.clear();
			this.circuit.open(MailFailure.of(ex).reason());
		}
		this.provisioningState.markEmailsSent(sent);
		for (ObjectId userId : sent) {
			this.metrics.emailSent();
			logger.info("User {}: account email sent", userId.toHexString());
		}
		return new Outcome(sent.size(), failed);
	}

	/*
	 * Removes the failed messages from {@code sent}, records permanent failures, and
	 * opens the circuit on a relay-level one.
	 *
	 * @return how many failed for good
	 */
	private int sortOut(MailSendException ex, Map<MimeMessage, ObjectId> messages, List<ObjectId> sent) {
		Map<Object, Exception> failures = ex.getFailedMessages();
		if (failures.isEmpty()) {
			// no per-message detail (e.g. closing the connection failed): whether the
			// relay took them is unknown; keeping them pending may send one twice, which
			// is accepted, while losing one is not
			sent.clear();
			this.circuit.open("relay failed (" + ex.getClass().getSimpleName() + ")");
			return 0;
		}
		int failed = 0;
		for (Map.Entry<Object, Exception> failure : failures.entrySet()) {
			ObjectId userId = messages.get(failure.getKey());
			if (userId == null) {
				continue;
			}
			sent.remove(userId);
			MailFailure meaning = MailFailure.of(failure.getValue());
			switch (meaning.kind()) {
				case RELAY -> this.circuit.open(meaning.reason());
				case PERMANENT -> {
					fail(userId, meaning.reason());
					failed++;
				}
				case TEMPORARY -> {
					this.metrics.emailPending();
					logger.warn("User {}: account email not sent, left pending for a later run: {}",
							userId.toHexString(), meaning.reason());
				}
			}
		}
		return failed;
	}

	private void fail(ObjectId userId, String reason) {
		this.provisioningState.markEmailFailed(userId, reason);
		this.metrics.emailPermanentlyFailed();
		logger.warn("User {}: account email failed for good, never retried: {}", userId.toHexString(), reason);
	}

	/**
	 * What a batch came to.
	 *
	 * @param sent emails the relay accepted
	 * @param failed emails that failed for good
	 */
	public record Outcome(int sent, int failed) {

		/** Nothing sent, nothing failed. */
		public static final Outcome NONE = new Outcome(0, 0);

	}

}
