package ng.kinta.dedicatedaccounts.batch.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobTestApplication;
import ng.kinta.dedicatedaccounts.batch.support.RequestsAndMail;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several hosts sharing one MongoDB, each with its own job repository (separate
 * application contexts with separate H2 databases): the run lease and the claim tokens
 * live in MongoDB, so runs never overlap and nobody is called twice at Billstack, even
 * when a host's history is lost.
 */
class RunCoordinationIntegrationTests {

	private final List<ConfigurableApplicationContext> hosts = new ArrayList<>();

	@BeforeEach
	void billstackAnswersSlowly() {
		InProcessServices.reset();
		// slow enough for two launches to overlap; well within the read timeout below
		InProcessServices.BILLSTACK.stubFor(
				BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY").withFixedDelay(150)));
	}

	@AfterEach
	void stopHosts() {
		this.hosts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoHostsLaunchedAtTheSameMomentRunOneAtATimeAndProvisionEveryUserOnce() throws Exception {
		// given: two hosts with separate job repositories, 120 eligible users
		List<ObjectId> users = TestUsers.insertUsers(120);
		JobRunService hostA = startHost("host-a");
		JobRunService hostB = startHost("host-b");

		// when: both launch at the same moment
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<Object> a = executor.submit(() -> launchAfter(go, hostA));
			Future<Object> b = executor.submit(() -> launchAfter(go, hostB));
			go.countDown();
			List<Object> outcomes = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));

			// then: one ran, the other was refused
			assertThat(outcomes).filteredOn(RunSummary.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(RunInProgressException.class::isInstance)
				.singleElement()
				.satisfies((refusal) -> assertThat(((Exception) refusal).getMessage())
					.contains("Another run is in progress"));
		}
		finally {
			executor.shutdownNow();
		}

		// and: the hosts take turns until nobody is left
		RunSummary last = null;
		for (int turn = 0; turn < 6 && (last == null || last.data().remainingUsers() > 0); turn++) {
			last = ((turn % 2 == 0) ? hostB : hostA).startNewRun(RunTrigger.COMMAND_LINE);
			assertThat(last.status()).isEqualTo("ok");
		}
		assertThat(last.data().remainingUsers()).isZero();
		assertEveryUserProvisionedAndMailedOnce(users);
	}

	@Test
	void aLostJobRepositoryLosesHistoryOnlyAndTheNextRunsProvisionTheRest() throws Exception {
		// given: 60 users, a first run on one job repository
		List<ObjectId> users = TestUsers.insertUsers(60);
		RunSummary first = startHost("original-history").startNewRun(RunTrigger.COMMAND_LINE);
		assertThat(first.data().successCount()).isEqualTo(50);

		// when: the job repository is replaced by an empty one, and runs go on
		JobRunService replaced = startHost("new-history");
		RunSummary second = replaced.startNewRun(RunTrigger.COMMAND_LINE);
		RunSummary third = replaced.startNewRun(RunTrigger.COMMAND_LINE);

		// then: the rest are provisioned, nobody twice
		assertThat(replaced.recentExecutions(10)).hasSize(2);
		assertThat(second.data().processedInThisRun()).isEqualTo(10);
		assertThat(second.data().successCount()).isEqualTo(10);
		assertThat(second.data().remainingUsers()).isZero();
		assertThat(third.message()).isEqualTo("No users need a dedicated account.");
		assertEveryUserProvisionedAndMailedOnce(users);
	}

	private static Object launchAfter(CountDownLatch go, JobRunService host) throws InterruptedException {
		go.await();
		try {
			return host.startNewRun(RunTrigger.COMMAND_LINE);
		}
		catch (RunInProgressException ex) {
			return ex;
		}
	}

	private JobRunService startHost(String name) {
		Map<String, Object> properties = new HashMap<>(InProcessServices.properties());
		properties.put("app.billstack.read-timeout", "10s");
		// a command line argument, since application-test.yml's URL outranks default
		// properties
		String ownJobRepository = "--spring.datasource.url=jdbc:h2:mem:" + name + "-" + new ObjectId()
				+ ";DB_CLOSE_DELAY=-1";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(JobTestApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("test")
			.properties(properties)
			.run(ownJobRepository);
		this.hosts.add(context);
		return context.getBean(JobRunService.class);
	}

	private static void assertEveryUserProvisionedAndMailedOnce(List<ObjectId> users) throws Exception {
		Map<String, Integer> calls = RequestsAndMail.billstackRequestsPerUser();
		assertThat(calls).hasSize(users.size()).allSatisfy((user, count) -> assertThat(count).isOne());
		assertThat(InProcessServices.database().getCollection("accounts").countDocuments()).isEqualTo(users.size());
		Map<String, Integer> emails = RequestsAndMail.emailsPerRecipient();
		assertThat(emails).hasSize(users.size()).allSatisfy((recipient, count) -> assertThat(count).isOne());
	}

}
