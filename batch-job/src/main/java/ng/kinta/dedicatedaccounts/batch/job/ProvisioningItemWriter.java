package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ng.kinta.dedicatedaccounts.batch.account.DedicatedAccountRepository;
import ng.kinta.dedicatedaccounts.batch.account.ProvisionedAccount;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import ng.kinta.dedicatedaccounts.batch.notification.AccountEmail;
import ng.kinta.dedicatedaccounts.batch.notification.AccountNotifier;
import ng.kinta.dedicatedaccounts.batch.notification.MailOutbox;
import ng.kinta.dedicatedaccounts.batch.notification.PendingEmails;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of new accounts: the {@code accounts} documents (idempotent upserts, one
 * bulk write), the users' provisioning state, then hands the chunk's emails to the
 * {@link MailOutbox}, which sends them over its SMTP connections while the next chunk
 * calls Billstack. The step ends only once the outbox has drained. Database failures fail
 * the chunk (nothing is lost: the accounts are recorded on the users and a restart writes
 * them); mail failures only leave an email pending (or failed for good, for a refused
 * recipient).
 */
class ProvisioningItemWriter implements ItemWriter<ProvisionedAccount>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ProvisioningItemWriter.class);

	/**
	 * Longest wait for the outbox at the end of the step. Each batch is bounded by the
	 * JavaMail timeouts and skipped once the circuit is open or the time budget spent;
	 * this only guards against waiting forever.
	 */
	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

	private final DedicatedAccountRepository accounts;

	private final ProvisioningStateRepository provisioningState;

	private final MailOutbox outbox;

	private final JobProperties properties;

	private final Clock clock;

	private final ProvisioningMetrics metrics;

	private volatile RunDeadline deadline;

	ProvisioningItemWriter(DedicatedAccountRepository accounts, ProvisioningStateRepository provisioningState,
			MailOutbox outbox, JobProperties properties, Clock clock, ProvisioningMetrics metrics) {
		this.metrics = metrics;
		this.accounts = accounts;
		this.provisioningState = provisioningState;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.deadline = RunDeadline.of(stepExecution.getJobExecution(), this.properties, this.clock);
	}

	@Override
	public void write(Chunk<? extends ProvisionedAccount> chunk) {
		Map<ObjectId, VirtualAccount> created = new LinkedHashMap<>();
		for (ProvisionedAccount item : chunk) {
			created.put(item.userId(), item.account());
		}
		Set<ObjectId> inserted = this.accounts.upsertAll(created);
		for (ProvisionedAccount item : chunk) {
			if (inserted.contains(item.userId())) {
				this.metrics.accountCreated(item.account().bankCode());
			}
			else {
				logger.info("User {}: account document already present, left as it is", item.userId().toHexString());
			}
		}
		this.provisioningState.markProvisioned(created.keySet());
		// the accounts are written: only now may their emails go out
		List<PendingEmails.Pending> emails = new ArrayList<>();
		for (ProvisionedAccount item : chunk) {
			if (!item.emailAlreadySent()) {
				emails.add(new PendingEmails.Pending(item.userId(),
						AccountEmail.of(item.email(), item.firstName(), item.account())));
			}
		}
		if (!emails.isEmpty()) {
			this.outbox.submit(emails, () -> this.deadline != null && this.deadline.isPassed());
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (!this.outbox.awaitIdle(DRAIN_TIMEOUT)) {
			logger.warn("Mail still in progress at the end of the step; unsent emails stay pending");
		}
		// added, not set: a listener may be registered (and called) more than once
		AccountNotifier.Outcome counts = this.outbox.takeCounts();
		logger.info("Account emails of the step done: {} sent, {} failed for good", counts.sent(), counts.failed());
		var context = stepExecution.getExecutionContext();
		context.putLong(RunContextKeys.EMAILS_SENT, context.getLong(RunContextKeys.EMAILS_SENT, 0) + counts.sent());
		context.putLong(RunContextKeys.EMAILS_FAILED,
				context.getLong(RunContextKeys.EMAILS_FAILED, 0) + counts.failed());
		return null;
	}

}
