package ng.kinta.dedicatedaccounts.batch.job;

import java.util.Date;

import ng.kinta.dedicatedaccounts.batch.account.ProvisionedAccount;
import ng.kinta.dedicatedaccounts.batch.billstack.AccountNotCreatedException;
import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import ng.kinta.dedicatedaccounts.batch.user.UnusableUserRecordException;
import ng.kinta.dedicatedaccounts.batch.user.UserRecord;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Records why a user was skipped (on the user, with the time of the next attempt) and
 * counts failed and unusable users for the run summary.
 */
class ProvisioningSkipListener implements SkipListener<UserRecord, ProvisionedAccount>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ProvisioningSkipListener.class);

	private final ProvisioningStateRepository provisioningState;

	private final JobProperties properties;

	private final ProvisioningMetrics metrics;

	private StepExecution stepExecution;

	ProvisioningSkipListener(ProvisioningStateRepository provisioningState, JobProperties properties,
			ProvisioningMetrics metrics) {
		this.metrics = metrics;
		this.provisioningState = provisioningState;
		this.properties = properties;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		stepExecution.getExecutionContext().putLong(RunContextKeys.FAILED, 0);
		stepExecution.getExecutionContext().putLong(RunContextKeys.UNUSABLE, 0);
	}

	@Override
	public void onSkipInProcess(UserRecord user, Throwable cause) {
		boolean unusable = cause instanceof UnusableUserRecordException;
		ProvisioningState state = unusable ? ProvisioningState.UNUSABLE_RECORD : ProvisioningState.FAILED;
		String reason = (cause instanceof AccountNotCreatedException || unusable) ? cause.getMessage()
				: cause.getClass().getSimpleName();
		ObjectId id = user.id();
		String userId = (id != null) ? id.toHexString() : "without an ObjectId";
		if (id != null) {
			Date next = this.provisioningState.recordFailure(id, state, reason, this.properties.firstFailureBackoff(),
					this.properties.maxFailureBackoff());
			logger.warn("User {}: skipped ({}), next attempt after {}: {}", userId, state, next.toInstant(), reason);
		}
		else {
			logger.warn("User {}: skipped ({}): {}", userId, state, reason);
		}
		increment(unusable ? RunContextKeys.UNUSABLE : RunContextKeys.FAILED);
		this.metrics.userFailed(unusable ? ProvisioningMetrics.UNUSABLE_RECORD : ProvisioningMetrics.EVERY_BANK_FAILED);
	}

	private synchronized void increment(String key) {
		// items are processed concurrently: counts must not lose updates
		if (this.stepExecution != null) {
			ExecutionContext context = this.stepExecution.getExecutionContext();
			context.putLong(key, context.getLong(key, 0) + 1);
		}
	}

}
