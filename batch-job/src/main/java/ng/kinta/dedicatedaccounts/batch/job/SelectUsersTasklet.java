package ng.kinta.dedicatedaccounts.batch.job;

import java.util.List;

import ng.kinta.dedicatedaccounts.batch.billstack.RequestGate;
import ng.kinta.dedicatedaccounts.batch.user.EligibleUsers;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import ng.kinta.dedicatedaccounts.batch.user.UserIndexes;
import ng.kinta.dedicatedaccounts.batch.user.UsersCollection;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.ApplicationEventPublisher;

/**
 * First step: checks that the database is the app's (it has a {@code users} collection;
 * nothing is created before), counts users ignored for a non-ObjectId {@code _id}, marks
 * users found to own an account, counts the eligible users and claims this run's users
 * (at most {@code app.job.max-users-per-run}, in {@code _id} order, back-off over).
 */
class SelectUsersTasklet implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(SelectUsersTasklet.class);

	/** Ids of ignored users named in the log line (the count is always complete). */
	private static final int IGNORED_IDS_LOGGED = 100;

	private final EligibleUsers eligibleUsers;

	private final ProvisioningStateRepository provisioningState;

	private final UserIndexes indexes;

	private final UsersCollection usersCollection;

	private final JobProperties properties;

	private final RequestGate requestGate;

	private final UnrecordedAccounts unrecordedAccounts;

	private final ApplicationEventPublisher events;

	private final GracefulStop gracefulStop;

	SelectUsersTasklet(EligibleUsers eligibleUsers, ProvisioningStateRepository provisioningState, UserIndexes indexes,
			UsersCollection usersCollection, JobProperties properties, RequestGate requestGate,
			UnrecordedAccounts unrecordedAccounts, ApplicationEventPublisher events, GracefulStop gracefulStop) {
		this.gracefulStop = gracefulStop;
		this.requestGate = requestGate;
		this.unrecordedAccounts = unrecordedAccounts;
		this.events = events;
		this.eligibleUsers = eligibleUsers;
		this.provisioningState = provisioningState;
		this.indexes = indexes;
		this.usersCollection = usersCollection;
		this.properties = properties;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution jobExecution = contribution.getStepExecution().getJobExecution();
		String claimToken = jobExecution.getJobParameters().getString(RunContextKeys.CLAIM_TOKEN);
		// the lease names this job execution, once
		this.events.publishEvent(new RunStarted(jobExecution.getId()));
		// before anything is written: a wrong database must not get our indexes
		this.usersCollection.requireExists();
		this.indexes.ensureIndexes();
		// accounts MongoDB refused to record in an earlier run: recorded before any
		// claim,
		// so that no run buys those users a second account
		int recovered = this.unrecordedAccounts.recordLeftBehind(jobExecution.getJobInstance().getJobName());
		if (recovered > 0) {
			logger.warn("Run {}: recorded {} accounts an earlier run could not record", jobExecution.getId(),
					recovered);
		}
		EligibleUsers.IgnoredRecords ignored = this.eligibleUsers.ignoredRecords(IGNORED_IDS_LOGGED);
		jobExecution.getExecutionContext().putLong(RunContextKeys.IGNORED_RECORDS, ignored.count());
		if (ignored.count() > 0) {
			logger.warn("Run {}: {} users ignored because their _id is not an ObjectId: {}{}", jobExecution.getId(),
					ignored.count(), String.join(", ", ignored.firstIds()),
					(ignored.count() > ignored.firstIds().size()) ? ", ..." : "");
		}
		EligibleUsers.Selection selection = this.eligibleUsers.select(this.properties.maxUsersPerRun(),
				this.properties.selectionBatchSize(), true);
		// a run asked to stop (a shutdown under way) takes nobody: the users keep the
		// claims of the run a restart will finish
		List<ObjectId> picked = this.gracefulStop.isRequested() ? List.of() : selection.picked();
		// claims are taken only while this run safely holds the lease: any other claim
		// token then belongs to a run that no longer does
		if (!this.requestGate.isOpen()) {
			throw new IllegalStateException("The run lease is no longer safely held; no user claimed");
		}
		this.provisioningState.claim(picked, claimToken);
		jobExecution.getExecutionContext().putLong(RunContextKeys.TOTAL_WITHOUT_ACCOUNTS, selection.eligibleCount());
		contribution.incrementWriteCount(picked.size());
		logger.info("Run {} (claim {}): {} eligible users without a dedicated account, {} taken by this run",
				jobExecution.getId(), claimToken, selection.eligibleCount(), picked.size());
		return RepeatStatus.FINISHED;
	}

}
