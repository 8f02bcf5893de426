package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;
import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.account.DedicatedAccountRepository;
import ng.kinta.dedicatedaccounts.batch.account.ProvisionedAccount;
import ng.kinta.dedicatedaccounts.batch.billstack.AccountNotCreatedException;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccountCreator;
import ng.kinta.dedicatedaccounts.batch.notification.AccountNotifier;
import ng.kinta.dedicatedaccounts.batch.notification.PendingEmails;
import ng.kinta.dedicatedaccounts.batch.user.EligibleUsers;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import ng.kinta.dedicatedaccounts.batch.user.UnusableUserRecordException;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import ng.kinta.dedicatedaccounts.batch.user.UserIndexes;
import org.bson.Document;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.data.MongoPagingItemReader;
import org.springframework.batch.infrastructure.item.data.builder.MongoPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code createDedicatedAccountsJob}: {@code selectUsersStep} (mark users who already own
 * an account, count and claim this run's users) → {@code sendPendingEmailsStep} (emails
 * earlier runs could not send) → {@code provisionAccountsStep} (chunk-oriented: claimed
 * users → Billstack → {@code accounts} + email, items processed concurrently, unusable
 * records and users for whom every bank failed skipped).
 */
@Configuration(proxyBeanMethods = false)
class CreateDedicatedAccountsJobConfiguration {

	static final String JOB_NAME = "createDedicatedAccountsJob";

	@Bean
	Job createDedicatedAccountsJob(JobRepository jobRepository, Step selectUsersStep, Step sendPendingEmailsStep,
			Step provisionAccountsStep, RunSummaryListener runSummaryListener) {
		return new JobBuilder(JOB_NAME, jobRepository).start(selectUsersStep)
			.next(sendPendingEmailsStep)
			.next(provisionAccountsStep)
			.listener(runSummaryListener)
			.build();
	}

	@Bean
	Step selectUsersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			EligibleUsers eligibleUsers, ProvisioningStateRepository provisioningState, UserIndexes indexes,
			JobProperties properties) {
		return new StepBuilder("selectUsersStep", jobRepository)
			.tasklet(new SelectUsersTasklet(eligibleUsers, provisioningState, indexes, properties), transactionManager)
			.build();
	}

	@Bean
	Step sendPendingEmailsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PendingEmails pendingEmails, AccountNotifier notifier, JobProperties properties, Clock clock) {
		return new StepBuilder("sendPendingEmailsStep", jobRepository)
			.tasklet(new SendPendingEmailsTasklet(pendingEmails, notifier, properties, clock), transactionManager)
			.build();
	}

	@Bean
	Step provisionAccountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			TimeBudgetItemReader<Document> claimedUsersReader, VirtualAccountCreator accountCreator,
			ProvisioningStateRepository provisioningState, DedicatedAccountRepository accounts,
			AccountNotifier notifier, JobProperties properties, Clock clock, GracefulStop gracefulStop,
			ThreadPoolTaskExecutor billstackTaskExecutor) {
		return new StepBuilder("provisionAccountsStep", jobRepository)
			.<Document, ProvisionedAccount>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(claimedUsersReader)
			.processor(
					new ProvisioningItemProcessor(accountCreator, provisioningState, properties, clock, gracefulStop))
			.writer(new ProvisioningItemWriter(accounts, provisioningState, notifier))
			.listener(claimedUsersReader)
			.taskExecutor(billstackTaskExecutor)
			.faultTolerant()
			.skip(UnusableUserRecordException.class, AccountNotCreatedException.class)
			// every claimed user may be skipped without failing the run
			.skipLimit(properties.maxUsersPerRun())
			// registered as a listener so it also sees the step start (it
			// counts per step)
			.listener(new ProvisioningSkipListener(provisioningState, properties))
			.build();
	}

	@Bean
	@StepScope
	TimeBudgetItemReader<Document> claimedUsersReader(MongoTemplate mongoTemplate, JobProperties properties,
			Clock clock, GracefulStop gracefulStop,
			@Value("#{jobParameters['" + RunContextKeys.CLAIM_TOKEN + "']}") String claimToken) {
		// only the claim mark filters: the writer never changes it, so paging
		// skips no one
		Query query = Query
			.query(Criteria.where(UserFields.CLAIM_TOKEN)
				.is(claimToken)
				.and(UserFields.STATUS)
				.is(UserFields.ACTIVE)
				.and(UserFields.EMAIL_VERIFIED)
				.is(true))
			.with(Sort.by(UserFields.ID));
		query.fields()
			.include(UserFields.ID, UserFields.FULL_NAME, UserFields.EMAIL, UserFields.PHONE_NUMBER,
					UserFields.PROVISIONING);
		// no saved position: a restart reads its claimed users afresh (one page),
		// and the processor passes over those an earlier attempt finished. Jumping
		// back to a saved position would hand out users from a page read before
		// they were provisioned.
		MongoPagingItemReader<Document> reader = new MongoPagingItemReaderBuilder<Document>().name("claimedUsersReader")
			.saveState(false)
			.template(mongoTemplate)
			.collection(UserFields.USERS)
			.targetType(Document.class)
			.query(query)
			.sorts(Map.of(UserFields.ID, Sort.Direction.ASC))
			.pageSize(properties.maxUsersPerRun())
			.maxItemCount(properties.maxUsersPerRun())
			.build();
		return new TimeBudgetItemReader<>(reader, properties, clock, gracefulStop);
	}

	@Bean
	ThreadPoolTaskExecutor billstackTaskExecutor(JobProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("billstack-");
		executor.setCorePoolSize(properties.concurrency());
		executor.setMaxPoolSize(properties.concurrency());
		executor.setQueueCapacity(properties.chunkSize());
		return executor;
	}

	@Bean
	RunSummaryListener runSummaryListener(EligibleUsers eligibleUsers, PendingEmails pendingEmails,
			JobRepository jobRepository) {
		return new RunSummaryListener(eligibleUsers, pendingEmails, jobRepository);
	}

}
