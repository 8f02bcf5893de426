package ng.kinta.dedicatedaccounts.batch.job;

import java.util.ArrayList;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.account.DedicatedAccountRepository;
import ng.kinta.dedicatedaccounts.batch.account.ProvisionedAccount;
import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import ng.kinta.dedicatedaccounts.batch.notification.AccountEmail;
import ng.kinta.dedicatedaccounts.batch.notification.AccountNotifier;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of new accounts: the {@code accounts} documents (idempotent upserts),
 * the users' provisioning state, then one email per user. Database failures fail the
 * chunk (nothing is lost: the accounts are recorded on the users and a restart writes
 * them); mail failures only leave the email pending.
 */
class ProvisioningItemWriter implements ItemWriter<ProvisionedAccount>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ProvisioningItemWriter.class);

	private final DedicatedAccountRepository accounts;

	private final ProvisioningStateRepository provisioningState;

	private final AccountNotifier notifier;

	private final ProvisioningMetrics metrics;

	private StepExecution stepExecution;

	ProvisioningItemWriter(DedicatedAccountRepository accounts, ProvisioningStateRepository provisioningState,
			AccountNotifier notifier, ProvisioningMetrics metrics) {
		this.metrics = metrics;
		this.accounts = accounts;
		this.provisioningState = provisioningState;
		this.notifier = notifier;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		stepExecution.getExecutionContext().putLong(RunContextKeys.EMAILS_SENT, 0);
	}

	@Override
	public void write(Chunk<? extends ProvisionedAccount> chunk) {
		List<ObjectId> userIds = new ArrayList<>();
		for (ProvisionedAccount item : chunk) {
			boolean inserted = this.accounts.upsert(item.userId(), item.account());
			this.metrics.accountCreated(item.account().bankCode());
			if (!inserted) {
				logger.info("User {}: account document already present, left as it is", item.userId().toHexString());
			}
			userIds.add(item.userId());
		}
		this.provisioningState.markProvisioned(userIds);
		long sent = 0;
		for (ProvisionedAccount item : chunk) {
			if (item.emailAlreadySent()) {
				continue;
			}
			if (this.notifier.notify(item.userId(), AccountEmail.of(item.email(), item.firstName(), item.account()))) {
				sent++;
			}
		}
		if (this.stepExecution != null) {
			var context = this.stepExecution.getExecutionContext();
			context.putLong(RunContextKeys.EMAILS_SENT, context.getLong(RunContextKeys.EMAILS_SENT, 0) + sent);
		}
	}

}
