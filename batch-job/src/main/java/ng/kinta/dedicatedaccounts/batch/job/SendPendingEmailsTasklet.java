package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;

import ng.kinta.dedicatedaccounts.batch.notification.AccountNotifier;
import ng.kinta.dedicatedaccounts.batch.notification.MailOutbox;
import ng.kinta.dedicatedaccounts.batch.notification.MailRelayCircuit;
import ng.kinta.dedicatedaccounts.batch.notification.PendingEmails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Second step: sends the account emails that earlier runs could not send (mail relay
 * down), before this run adds new ones, in batches of {@code chunk-size} emails over one
 * connection each. It never takes more than {@code pending-emails-time-slice}: once the
 * slice is spent, or the relay failed ({@link MailRelayCircuit}), the rest stay pending
 * and the run goes on to provisioning; a batch still in flight then finishes in the
 * background and is counted by the provisioning step.
 */
class SendPendingEmailsTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(SendPendingEmailsTasklet.class);

	private final PendingEmails pendingEmails;

	private final MailOutbox outbox;

	private final MailRelayCircuit circuit;

	private final JobProperties properties;

	private final Clock clock;

	SendPendingEmailsTasklet(PendingEmails pendingEmails, MailOutbox outbox, MailRelayCircuit circuit,
			JobProperties properties, Clock clock) {
		this.pendingEmails = pendingEmails;
		this.outbox = outbox;
		this.circuit = circuit;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution stepExecution = contribution.getStepExecution();
		RunDeadline deadline = RunDeadline.of(stepExecution.getJobExecution(), this.properties, this.clock);
		Instant sliceEnd = this.clock.instant().plus(this.properties.pendingEmailsTimeSlice());
		List<PendingEmails.Pending> pending = this.pendingEmails.find(this.properties.pendingEmailsPerRun());
		int batchSize = this.properties.chunkSize();
		for (int from = 0; from < pending.size(); from += batchSize) {
			Duration left = Duration.between(this.clock.instant(), sliceEnd);
			if (this.circuit.isOpen() || deadline.isPassed() || left.isNegative() || left.isZero()) {
				logger.info("Pending emails: {} left for the next run", pending.size() - from);
				break;
			}
			List<PendingEmails.Pending> batch = pending.subList(from, Math.min(from + batchSize, pending.size()));
			batch.forEach((email) -> contribution.incrementReadCount());
			Future<AccountNotifier.Outcome> outcome = this.outbox.submit(batch,
					() -> deadline.isPassed() || !this.clock.instant().isBefore(sliceEnd));
			if (!MailOutbox.awaitDone(outcome, left)) {
				logger.warn("Pending emails: the relay is too slow, the rest wait for the next run");
				break;
			}
		}
		AccountNotifier.Outcome counts = this.outbox.takeCounts();
		contribution.incrementWriteCount(counts.sent());
		stepExecution.getExecutionContext().putLong(RunContextKeys.EMAILS_SENT, counts.sent());
		stepExecution.getExecutionContext().putLong(RunContextKeys.EMAILS_FAILED, counts.failed());
		return RepeatStatus.FINISHED;
	}

}
