package ng.kinta.dedicatedaccounts.batch.notification;

import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends one user's account email and records that it went out. A mail failure is logged
 * and leaves the notification pending for a later run: it never loses the account.
 */
@Component
public class AccountNotifier {

	private static final Logger logger = LoggerFactory.getLogger(AccountNotifier.class);

	private final AccountEmailSender sender;

	private final ProvisioningStateRepository provisioningState;

	private final ProvisioningMetrics metrics;

	AccountNotifier(AccountEmailSender sender, ProvisioningStateRepository provisioningState,
			ProvisioningMetrics metrics) {
		this.metrics = metrics;
		this.sender = sender;
		this.provisioningState = provisioningState;
	}

	/**
	 * Sends the email and marks it sent.
	 * @param userId the user (for the state and the logs)
	 * @param email what to send
	 * @return {@code true} when sent, {@code false} when it stays pending
	 */
	public boolean notify(ObjectId userId, AccountEmail email) {
		try {
			this.sender.send(email);
		}
		catch (MailException ex) {
			logger.warn("User {}: account email not sent, left pending for a later run: {}", userId.toHexString(),
					ex.getClass().getSimpleName());
			this.metrics.emailPending();
			return false;
		}
		this.provisioningState.markEmailSent(userId);
		this.metrics.emailSent();
		logger.info("User {}: account email sent", userId.toHexString());
		return true;
	}

}
