package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;
import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.account.DedicatedAccountRepository;
import ng.kinta.dedicatedaccounts.batch.account.ProvisionedAccount;
import ng.kinta.dedicatedaccounts.batch.billstack.AccountNotCreatedException;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackPace;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackProperties;
import ng.kinta.dedicatedaccounts.batch.billstack.RequestGate;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccountCreator;
import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import ng.kinta.dedicatedaccounts.batch.notification.MailOutbox;
import ng.kinta.dedicatedaccounts.batch.notification.MailRelayCircuit;
import ng.kinta.dedicatedaccounts.batch.notification.PendingEmails;
import ng.kinta.dedicatedaccounts.batch.user.EligibleUsers;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import ng.kinta.dedicatedaccounts.batch.user.UnusableUserRecordException;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import ng.kinta.dedicatedaccounts.batch.user.UserIndexes;
import ng.kinta.dedicatedaccounts.batch.user.UserRecord;
import ng.kinta.dedicatedaccounts.batch.user.UsersCollection;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.data.MongoPagingItemReader;
import org.springframework.batch.infrastructure.item.data.builder.MongoPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/*
 * {@code createDedicatedAccountsJob}: {@code selectUsersStep} (mark users who already own
 * an account, count and claim this run's users) → {@code sendPendingEmailsStep} (emails
 * earlier runs could not send, within a slice of the time budget) →
 * {@code provisionAccountsStep} (chunk-oriented: claimed users → Billstack →
 * {@code accounts}, then the chunk's emails on the mail thread while the next chunk calls
 * Billstack; items processed concurrently, unusable records and users for whom every bank
 * failed skipped).
 */
@Configuration(proxyBeanMethods = false)
class CreateDedicatedAccountsJobConfiguration {

	static final String JOB_NAME = "createDedicatedAccountsJob";

	@Bean
	Job createDedicatedAccountsJob(JobRepository jobRepository, Step selectUsersStep, Step sendPendingEmailsStep,
			Step provisionAccountsStep, RunSummaryListener runSummaryListener, MailOutbox mailOutbox,
			@Qualifier("runAlertsListener") JobExecutionListener runAlertsListener) {
		return new JobBuilder(JOB_NAME, jobRepository).start(selectUsersStep)
			.next(sendPendingEmailsStep)
			.next(provisionAccountsStep)
			// first in, last out: every other listener's lines carry the run's ids
			.listener(new RunLogContext())
			.listener(new MailRunListener(mailOutbox))
			// afterJob listeners run in reverse order: the alerts see the final exit
			// status and counts written by runSummaryListener
			.listener(runAlertsListener)
			.listener(runSummaryListener)
			.build();
	}

	@Bean
	Step selectUsersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			EligibleUsers eligibleUsers, ProvisioningStateRepository provisioningState, UserIndexes indexes,
			UsersCollection usersCollection, JobProperties properties, RequestGate requestGate,
			UnrecordedAccounts unrecordedAccounts, ApplicationEventPublisher events, GracefulStop gracefulStop) {
		return new StepBuilder(StepNames.SELECT_USERS, jobRepository)
			.tasklet(new SelectUsersTasklet(eligibleUsers, provisioningState, indexes, usersCollection, properties,
					requestGate, unrecordedAccounts, events, gracefulStop), transactionManager)
			.build();
	}

	@Bean
	UnrecordedAccounts unrecordedAccounts(JobRepository jobRepository, ProvisioningStateRepository provisioningState) {
		return new UnrecordedAccounts(jobRepository, provisioningState);
	}

	@Bean
	Step sendPendingEmailsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PendingEmails pendingEmails, MailOutbox mailOutbox, MailRelayCircuit mailRelayCircuit,
			JobProperties properties, Clock clock) {
		return new StepBuilder(StepNames.SEND_PENDING_EMAILS, jobRepository)
			.tasklet(new SendPendingEmailsTasklet(pendingEmails, mailOutbox, mailRelayCircuit, properties, clock),
					transactionManager)
			.build();
	}

	@Bean
	Step provisionAccountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			TimeBudgetItemReader<UserRecord> claimedUsersReader, VirtualAccountCreator accountCreator,
			ProvisioningStateRepository provisioningState, DedicatedAccountRepository accounts, MailOutbox mailOutbox,
			JobProperties properties, BillstackProperties billstackProperties, Clock clock, GracefulStop gracefulStop,
			ThreadPoolTaskExecutor billstackTaskExecutor, ProvisioningMetrics metrics,
			UnrecordedAccounts unrecordedAccounts) {
		AccountRecorder recorder = new AccountRecorder(provisioningState, unrecordedAccounts, gracefulStop,
				properties.recordAttempts(), properties.recordBackoff());
		return new StepBuilder(StepNames.PROVISION_ACCOUNTS, jobRepository)
			.<UserRecord, ProvisionedAccount>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(claimedUsersReader)
			.processor(new ProvisioningItemProcessor(accountCreator, provisioningState, properties, billstackProperties,
					clock, gracefulStop, recorder))
			.writer(new ProvisioningItemWriter(accounts, provisioningState, mailOutbox, properties, clock, metrics))
			.listener(claimedUsersReader)
			.taskExecutor(billstackTaskExecutor)
			.faultTolerant()
			.skip(UnusableUserRecordException.class, AccountNotCreatedException.class)
			// every claimed user may be skipped without failing the run
			.skipLimit(properties.maxUsersPerRun())
			// registered as a listener so it also sees the step start (it counts per
			// step)
			.listener(new ProvisioningSkipListener(provisioningState, properties, metrics))
			.build();
	}

	@Bean
	@StepScope
	TimeBudgetItemReader<UserRecord> claimedUsersReader(MongoTemplate mongoTemplate, JobProperties properties,
			Clock clock, GracefulStop gracefulStop,
			@Value("#{jobParameters['" + RunContextKeys.CLAIM_TOKEN + "']}") String claimToken) {
		// only the claim mark filters: the writer never changes it, so paging skips no
		// one
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
		// no saved position: a restart reads its claimed users afresh (one page), and the
		// processor passes over those an earlier attempt finished. Jumping back to a
		// saved
		// position would hand out users from a page read before they were provisioned.
		// UserRecord is read leniently (UserRecordReadingConverter): a malformed user is
		// skipped by the processor, it never fails the page
		MongoPagingItemReader<UserRecord> reader = new MongoPagingItemReaderBuilder<UserRecord>()
			.name("claimedUsersReader")
			.saveState(false)
			.template(mongoTemplate)
			.collection(UserFields.USERS)
			.targetType(UserRecord.class)
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
		// the threads exist before the first run's first round of requests
		executor.setPrestartAllCoreThreads(true);
		executor.setTaskDecorator(RunLogContext.taskDecorator());
		// never interrupted under a Billstack call: the context's close waits for the
		// answers (the run itself waits for them before it releases its lease)
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(120);
		return executor;
	}

	/*
	 * Billstack requests in flight at once: {@code app.job.concurrency}, fewer while
	 * Billstack throttles us.
	 */
	@Bean
	BillstackPace billstackPace(JobProperties properties) {
		return new BillstackPace(properties.concurrency());
	}

	@Bean
	RunSummaryListener runSummaryListener(EligibleUsers eligibleUsers, PendingEmails pendingEmails,
			ProvisioningStateRepository provisioningState, JobRepository jobRepository, ProvisioningMetrics metrics,
			MailRelayCircuit mailRelayCircuit, BillstackPace billstackPace) {
		return new RunSummaryListener(eligibleUsers, pendingEmails, provisioningState, jobRepository, metrics,
				mailRelayCircuit, billstackPace);
	}

}
