package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.account.ProvisionedAccount;
import ng.kinta.dedicatedaccounts.batch.billstack.AccountNotCreatedException;
import ng.kinta.dedicatedaccounts.batch.billstack.AttemptDeferredException;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackProperties;
import ng.kinta.dedicatedaccounts.batch.billstack.GenerateVirtualAccountRequest;
import ng.kinta.dedicatedaccounts.batch.billstack.OutcomeUnknownException;
import ng.kinta.dedicatedaccounts.batch.billstack.RequestNotAllowedException;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccountCreator;
import ng.kinta.dedicatedaccounts.batch.user.Customer;
import ng.kinta.dedicatedaccounts.batch.user.MailAddress;
import ng.kinta.dedicatedaccounts.batch.user.NotificationState;
import ng.kinta.dedicatedaccounts.batch.user.PersonName;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import ng.kinta.dedicatedaccounts.batch.user.UserRecord;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a claimed user into a {@link ProvisionedAccount}: validates the record, asks
 * Billstack (through {@link VirtualAccountCreator}, which writes the durable request
 * marker before each request) and records the account on the user at once. The user's
 * state decides what may be asked:
 * <ul>
 * <li>an account already recorded is never asked for again (a restarted run, a recovered
 * write);</li>
 * <li>a marker left by an earlier attempt is an unknown outcome: nothing is sent
 * now;</li>
 * <li>an unknown outcome whose back-off is over is asked again at the same bank with the
 * same reference, never at another bank.</li>
 * </ul>
 * Throws {@link ng.kinta.dedicatedaccounts.batch.user.UnusableUserRecordException} and
 * {@link AccountNotCreatedException}, which the step skips; returns {@code null}
 * (filtered) for a user with nothing to write in this run.
 */
class ProvisioningItemProcessor implements ItemProcessor<UserRecord, ProvisionedAccount>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ProvisioningItemProcessor.class);

	/** Greeting of an account email when the record has no usable name. */
	private static final String FALLBACK_FIRST_NAME = "Customer";

	private final VirtualAccountCreator accountCreator;

	private final ProvisioningStateRepository provisioningState;

	private final JobProperties properties;

	private final BillstackProperties billstack;

	private final Clock clock;

	private final GracefulStop gracefulStop;

	private final AccountRecorder recorder;

	private volatile @Nullable RunDeadline deadline;

	private volatile @Nullable String claimToken;

	private volatile @Nullable JobExecution jobExecution;

	ProvisioningItemProcessor(VirtualAccountCreator accountCreator, ProvisioningStateRepository provisioningState,
			JobProperties properties, BillstackProperties billstack, Clock clock, GracefulStop gracefulStop,
			AccountRecorder recorder) {
		this.accountCreator = accountCreator;
		this.provisioningState = provisioningState;
		this.properties = properties;
		this.billstack = billstack;
		this.clock = clock;
		this.gracefulStop = gracefulStop;
		this.recorder = recorder;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.deadline = RunDeadline.of(stepExecution.getJobExecution(), this.properties, this.clock);
		this.claimToken = stepExecution.getJobExecution().getJobParameters().getString(RunContextKeys.CLAIM_TOKEN);
		this.jobExecution = stepExecution.getJobExecution();
	}

	@Override
	public @Nullable ProvisionedAccount process(UserRecord user) {
		UserRecord.Provisioning provisioning = user.provisioning();
		ProvisioningState state = provisioning.state();
		if (state == ProvisioningState.PROVISIONED || state == ProvisioningState.NEEDS_RECONCILIATION) {
			return null;
		}
		if (state == ProvisioningState.ACCOUNT_CREATED && provisioning.account() != null && user.id() != null) {
			logger.info("User {}: account already created by an earlier attempt, not calling Billstack",
					user.id().toHexString());
			return toItem(user, provisioning.account());
		}
		// not due: a failure recorded after this run claimed the user (a restart)
		if (!provisioning.isDueAt(this.clock.instant())) {
			return null;
		}
		if (state == ProvisioningState.REQUEST_SENT && user.id() != null) {
			// an earlier attempt sent a request and never recorded its answer
			settleUnknown(user.id(), "a request to bank " + bankOf(provisioning)
					+ " was left without a recorded answer by an earlier attempt");
			return null;
		}
		Customer customer = Customer.from(user);
		boolean retryOfUnknown = state == ProvisioningState.OUTCOME_UNKNOWN && provisioning.request() != null;
		List<String> banks = retryOfUnknown ? List.of(provisioning.request().bank()) : this.accountCreator.banks();
		String reference = retryOfUnknown ? provisioning.request().reference() : customer.id().toHexString();
		String claim = this.claimToken;
		VirtualAccount account;
		try {
			account = this.accountCreator.create(
					new GenerateVirtualAccountRequest(customer.email(), reference, customer.name().firstName(),
							customer.name().lastName(), customer.phone(), null),
					banks, (bank) -> claim != null && this.provisioningState.markRequestSent(customer.id(), claim, bank,
							reference, retryOfUnknown),
					this::timeIsUp);
		}
		catch (OutcomeUnknownException ex) {
			settleUnknown(customer.id(), ex.getMessage());
			return null;
		}
		catch (RequestNotAllowedException ex) {
			logger.info("User {}: no request sent: {}", customer.id().toHexString(), ex.getMessage());
			return null;
		}
		catch (AttemptDeferredException ex) {
			if (retryOfUnknown) {
				// the first request's outcome is still unknown: never a fresh attempt
				settleUnknown(customer.id(), "repeat of an unknown outcome not answered: " + ex.getMessage());
			}
			else {
				this.provisioningState.markDeferred(customer.id(), ex.getMessage());
				logger.info("User {}: {}; left for the next run", customer.id().toHexString(), ex.getMessage());
			}
			return null;
		}
		catch (AccountNotCreatedException ex) {
			if (retryOfUnknown) {
				// this repeat was refused, which says nothing about the first request
				this.provisioningState.park(customer.id(),
						"repeat at bank " + banks.get(0) + " after an unknown outcome was refused: " + ex.getMessage());
				logger.warn("User {}: needs reconciliation: {}", customer.id().toHexString(), ex.getMessage());
				return null;
			}
			throw ex;
		}
		// the answer is logged the moment it arrives, before anything else can fail
		logger.info("User {}: Billstack created account {} at {}", customer.id().toHexString(), account.accountNumber(),
				account.bankCode());
		JobExecution execution = this.jobExecution;
		if (!this.recorder.record(customer.id(), account, execution)) {
			return null;
		}
		return toItem(user, account);
	}

	private void settleUnknown(ObjectId userId, String reason) {
		ProvisioningState settled = this.provisioningState.recordUnknownOutcome(userId, reason,
				this.billstack.unknownOutcomeBackoff(), this.billstack.maxUnknownRetries());
		if (settled == ProvisioningState.NEEDS_RECONCILIATION) {
			logger.warn("User {}: needs reconciliation, outcome unknown: {}", userId.toHexString(), reason);
		}
		else if (settled == ProvisioningState.OUTCOME_UNKNOWN) {
			logger.warn("User {}: outcome unknown, the same bank is asked again after {}: {}", userId.toHexString(),
					this.billstack.unknownOutcomeBackoff(), reason);
		}
	}

	private static String bankOf(UserRecord.Provisioning provisioning) {
		return (provisioning.request() != null) ? provisioning.request().bank() : "unknown";
	}

	/*
	 * An email needs only the address and a first name: a record that became unusable for
	 * Billstack (a phone number removed since) still gets its account email.
	 */
	private @Nullable ProvisionedAccount toItem(UserRecord user, VirtualAccount account) {
		ObjectId id = user.id();
		if (id == null) {
			return null;
		}
		UserRecord.Provisioning provisioning = user.provisioning();
		// an email that failed for good is never sent again
		boolean emailDone = provisioning.emailSent() || provisioning.notification() == NotificationState.FAILED;
		String email = (user.email() != null && !user.email().isBlank()) ? MailAddress.normalize(user.email()) : null;
		String firstName = PersonName.parse(user.fullName()).map(PersonName::firstName).orElse(FALLBACK_FIRST_NAME);
		if (email == null && !emailDone) {
			this.provisioningState.markEmailFailed(id, "no email address on the record");
			emailDone = true;
		}
		return new ProvisionedAccount(id, (email != null) ? email : "", firstName, account, emailDone);
	}

	private boolean timeIsUp() {
		// a stopping run sends no further request: the user is released, nothing recorded
		RunDeadline current = this.deadline;
		return this.gracefulStop.isRequested() || (current != null && current.isPassed());
	}

}
