package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
 * Records why a user was skipped (on the user, with the time of the next attempt), counts
 * failed and unusable users for the run summary, and lists the skipped users in the
 * step's execution context ({@link SkippedUser}) for the run history and the operator
 * alerts.
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
		stepExecution.getExecutionContext().put(RunContextKeys.SKIPPED_USERS, new ArrayList<SkippedUser>());
	}

	@Override
	public void onSkipInProcess(UserRecord user, Throwable cause) {
		boolean unusable = cause instanceof UnusableUserRecordException;
		ProvisioningState state = unusable ? ProvisioningState.UNUSABLE_RECORD : ProvisioningState.FAILED;
		String reason = (cause instanceof AccountNotCreatedException || unusable) ? cause.getMessage()
				: cause.getClass().getSimpleName();
		ObjectId id = user.id();
		String userId = (id != null) ? id.toHexString() : "without an ObjectId";
		Instant nextAttempt = null;
		if (id != null) {
			Date next = this.provisioningState.recordFailure(id, state, reason, this.properties.firstFailureBackoff(),
					this.properties.maxFailureBackoff());
			if (next == null) {
				// the table refused: an account was recorded meanwhile, never overwritten
				logger.info("User {}: {} not recorded, the user's state does not allow it: {}", userId, state, reason);
			}
			else {
				nextAttempt = next.toInstant();
				logger.warn("User {}: skipped ({}), next attempt after {}: {}", userId, state, nextAttempt, reason);
			}
		}
		else {
			logger.warn("User {}: skipped ({}): {}", userId, state, reason);
		}
		this.metrics.userFailed(unusable ? ProvisioningMetrics.UNUSABLE_RECORD : ProvisioningMetrics.EVERY_BANK_FAILED);
		record(unusable ? RunContextKeys.UNUSABLE : RunContextKeys.FAILED,
				new SkippedUser(userId, state.name(), reason, nextAttempt, attemptsBefore(user) + 1));
	}

	private synchronized void record(String key, SkippedUser skipped) {
		// items are processed concurrently: counts and the list must not lose updates
		if (this.stepExecution != null) {
			ExecutionContext context = this.stepExecution.getExecutionContext();
			context.putLong(key, context.getLong(key, 0) + 1);
			Object list = context.get(RunContextKeys.SKIPPED_USERS);
			// bounded: a run reads at most max-users-per-run users
			if (list instanceof List<?> skippedUsers && skippedUsers.size() < this.properties.maxUsersPerRun()) {
				List<SkippedUser> copy = new ArrayList<>(skippedUsers.size() + 1);
				skippedUsers.forEach((item) -> copy.add((SkippedUser) item));
				copy.add(skipped);
				context.put(RunContextKeys.SKIPPED_USERS, copy);
			}
		}
	}

	/* Failed attempts recorded on the user before this one, as read with the item. */
	private static int attemptsBefore(UserRecord user) {
		return user.provisioning().attempts();
	}

}
