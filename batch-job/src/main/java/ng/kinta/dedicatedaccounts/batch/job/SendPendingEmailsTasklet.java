package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;

import ng.kinta.dedicatedaccounts.batch.notification.AccountNotifier;
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
 * down), before this run adds new ones.
 */
class SendPendingEmailsTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(SendPendingEmailsTasklet.class);

	private final PendingEmails pendingEmails;

	private final AccountNotifier notifier;

	private final JobProperties properties;

	private final Clock clock;

	SendPendingEmailsTasklet(PendingEmails pendingEmails, AccountNotifier notifier, JobProperties properties,
			Clock clock) {
		this.pendingEmails = pendingEmails;
		this.notifier = notifier;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution stepExecution = contribution.getStepExecution();
		RunDeadline deadline = RunDeadline.of(stepExecution.getJobExecution(), this.properties, this.clock);
		long sent = 0;
		for (PendingEmails.Pending pending : this.pendingEmails.find(this.properties.pendingEmailsPerRun())) {
			if (deadline.isPassed()) {
				logger.info("Time budget spent: remaining pending emails are left for the next run");
				break;
			}
			contribution.incrementReadCount();
			if (this.notifier.notify(pending.userId(), pending.email())) {
				sent++;
				contribution.incrementWriteCount(1);
			}
		}
		stepExecution.getExecutionContext().putLong(RunContextKeys.EMAILS_SENT, sent);
		return RepeatStatus.FINISHED;
	}

}
