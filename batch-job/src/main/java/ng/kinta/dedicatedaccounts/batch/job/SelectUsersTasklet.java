package ng.kinta.dedicatedaccounts.batch.job;

import java.util.List;

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

	SelectUsersTasklet(EligibleUsers eligibleUsers, ProvisioningStateRepository provisioningState, UserIndexes indexes,
			UsersCollection usersCollection, JobProperties properties) {
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
		// before anything is written: a wrong database must not get our indexes
		this.usersCollection.requireExists();
		this.indexes.ensureIndexes();
		EligibleUsers.IgnoredRecords ignored = this.eligibleUsers.ignoredRecords(IGNORED_IDS_LOGGED);
		jobExecution.getExecutionContext().putLong(RunContextKeys.IGNORED_RECORDS, ignored.count());
		if (ignored.count() > 0) {
			logger.warn("Run {}: {} users ignored because their _id is not an ObjectId: {}{}", jobExecution.getId(),
					ignored.count(), String.join(", ", ignored.firstIds()),
					(ignored.count() > ignored.firstIds().size()) ? ", ..." : "");
		}
		EligibleUsers.Selection selection = this.eligibleUsers.select(this.properties.maxUsersPerRun(),
				this.properties.selectionBatchSize(), true);
		List<ObjectId> picked = selection.picked();
		this.provisioningState.claim(picked, claimToken);
		jobExecution.getExecutionContext().putLong(RunContextKeys.TOTAL_WITHOUT_ACCOUNTS, selection.eligibleCount());
		contribution.incrementWriteCount(picked.size());
		logger.info("Run {} (claim {}): {} eligible users without a dedicated account, {} taken by this run",
				jobExecution.getId(), claimToken, selection.eligibleCount(), picked.size());
		return RepeatStatus.FINISHED;
	}

}
