package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;
import java.util.Date;

import ng.kinta.dedicatedaccounts.batch.account.AccountDetails;
import ng.kinta.dedicatedaccounts.batch.account.ProvisionedAccount;
import ng.kinta.dedicatedaccounts.batch.billstack.AttemptDeferredException;
import ng.kinta.dedicatedaccounts.batch.billstack.GenerateVirtualAccountRequest;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccountCreator;
import ng.kinta.dedicatedaccounts.batch.user.Customer;
import ng.kinta.dedicatedaccounts.batch.user.NotificationState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a claimed user into a {@link ProvisionedAccount}: validates the record, asks
 * Billstack (through {@link VirtualAccountCreator}) and records the account on the user
 * at once. A user whose account was already recorded (a restarted run) is not sent to
 * Billstack again.
 * <p>
 * Throws {@link ng.kinta.dedicatedaccounts.batch.user.UnusableUserRecordException} and
 * {@link ng.kinta.dedicatedaccounts.batch.billstack.AccountNotCreatedException}, which
 * the step skips; returns {@code null} (filtered) for a user that an earlier attempt of
 * this run already finished or failed.
 */
class ProvisioningItemProcessor implements ItemProcessor<Document, ProvisionedAccount>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ProvisioningItemProcessor.class);

	private final VirtualAccountCreator accountCreator;

	private final ProvisioningStateRepository provisioningState;

	private final JobProperties properties;

	private final Clock clock;

	private final GracefulStop gracefulStop;

	private volatile RunDeadline deadline;

	ProvisioningItemProcessor(VirtualAccountCreator accountCreator, ProvisioningStateRepository provisioningState,
			JobProperties properties, Clock clock, GracefulStop gracefulStop) {
		this.accountCreator = accountCreator;
		this.provisioningState = provisioningState;
		this.properties = properties;
		this.clock = clock;
		this.gracefulStop = gracefulStop;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.deadline = RunDeadline.of(stepExecution.getJobExecution(), this.properties, this.clock);
	}

	@Override
	public @Nullable ProvisionedAccount process(Document user) {
		Document provisioning = (user.get(UserFields.PROVISIONING) instanceof Document state) ? state : new Document();
		String state = provisioning.getString("state");
		if (ProvisioningState.PROVISIONED.name().equals(state) || isBackingOff(provisioning)) {
			return null;
		}
		Customer customer = Customer.from(user);
		boolean emailSent = NotificationState.SENT.name().equals(provisioning.getString("notification"));
		if (ProvisioningState.ACCOUNT_CREATED.name().equals(state)
				&& provisioning.get("account") instanceof Document recorded) {
			logger.info("User {}: account already created by an earlier attempt, not calling Billstack",
					customer.id().toHexString());
			return new ProvisionedAccount(customer.id(), customer.email(), customer.name().firstName(),
					AccountDetails.fromDocument(recorded), emailSent);
		}
		VirtualAccount account;
		try {
			// checked before every Billstack request, so work in flight also stops
			// near the deadline
			account = this.accountCreator.create(
					new GenerateVirtualAccountRequest(customer.email(), customer.id().toHexString(),
							customer.name().firstName(), customer.name().lastName(), customer.phone(), null),
					this::timeIsUp);
		}
		catch (AttemptDeferredException ex) {
			logger.info("User {}: {}; left for the next run", customer.id().toHexString(), ex.getMessage());
			return null;
		}
		this.provisioningState.recordAccountCreated(customer.id(), account);
		logger.info("User {}: virtual account created at {}", customer.id().toHexString(), account.bankCode());
		return new ProvisionedAccount(customer.id(), customer.email(), customer.name().firstName(), account, emailSent);
	}

	private boolean timeIsUp() {
		// a stopping run sends no further request: the user is released, nothing recorded
		return this.gracefulStop.isRequested() || (this.deadline != null && this.deadline.isPassed());
	}

	private boolean isBackingOff(Document provisioning) {
		// a failure recorded after this run claimed the user: the run was restarted
		return provisioning.get("nextAttemptAt") instanceof Date next && next.toInstant().isAfter(this.clock.instant());
	}

}
