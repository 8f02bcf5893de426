package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Duration;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.user.AccountRecording;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.retry.backoff.FixedBackOffPolicy;
import org.springframework.retry.policy.MaxAttemptsRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * Records on the user an account Billstack has just created, retrying the MongoDB write
 * with a bounded back-off ({@code app.job.record-attempts},
 * {@code app.job.record-backoff}; spring-retry). When every attempt fails the account is
 * kept in the job repository ({@link UnrecordedAccounts}), the run stops taking users,
 * and the run alert carries what an operator needs to record it by hand.
 */
class AccountRecorder {

	private static final Logger logger = LoggerFactory.getLogger(AccountRecorder.class);

	private final ProvisioningStateRepository provisioningState;

	private final UnrecordedAccounts unrecorded;

	private final GracefulStop gracefulStop;

	private final RetryTemplate retryTemplate;

	AccountRecorder(ProvisioningStateRepository provisioningState, UnrecordedAccounts unrecorded,
			GracefulStop gracefulStop, int attempts, Duration backoff) {
		this.provisioningState = provisioningState;
		this.unrecorded = unrecorded;
		this.gracefulStop = gracefulStop;
		FixedBackOffPolicy backOffPolicy = new FixedBackOffPolicy();
		backOffPolicy.setBackOffPeriod(backoff.toMillis());
		this.retryTemplate = new RetryTemplate();
		this.retryTemplate.setRetryPolicy(new MaxAttemptsRetryPolicy(attempts));
		this.retryTemplate.setBackOffPolicy(backOffPolicy);
	}

	/**
	 * Records the account.
	 * @param userId the user
	 * @param account the account Billstack created
	 * @param jobExecution the run, where an account that cannot be recorded is kept
	 * @return {@code true} when the account is recorded on the user (now or before);
	 * {@code false} when another account was recorded (this one is kept aside for
	 * reconciliation) or MongoDB refused every attempt
	 */
	boolean record(ObjectId userId, VirtualAccount account, @Nullable JobExecution jobExecution) {
		AccountRecording recording;
		try {
			recording = this.retryTemplate.execute((context) -> {
				if (context.getRetryCount() > 0) {
					logger.warn("User {}: recording the account, attempt {}", userId.toHexString(),
							context.getRetryCount() + 1);
				}
				return this.provisioningState.recordAccountCreated(userId, account);
			});
		}
		catch (RuntimeException ex) {
			logger.error(
					"User {}: MongoDB refused to record account {} at {} ({}): the run stops taking users;"
							+ " the account is kept in the job repository and recorded by the next run",
					userId.toHexString(), account.accountNumber(), account.bankCode(), ex.toString());
			this.gracefulStop.request();
			if (jobExecution != null) {
				this.unrecorded.keep(jobExecution, userId, account);
			}
			return false;
		}
		if (recording == AccountRecording.CONFLICT) {
			logger.error(
					"User {}: Billstack returned account {} at {} but another account is recorded;"
							+ " kept aside, the user needs reconciliation",
					userId.toHexString(), account.accountNumber(), account.bankCode());
			return false;
		}
		return true;
	}

}
