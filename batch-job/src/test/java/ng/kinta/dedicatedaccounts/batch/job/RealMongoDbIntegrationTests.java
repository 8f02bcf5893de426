package ng.kinta.dedicatedaccounts.batch.job;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobTestApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job against a real MongoDB server (Testcontainers, connected through
 * {@link ServiceConnection}). Skipped where no Docker engine runs; the in-process
 * wire-protocol tests cover the same paths everywhere else.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = JobTestApplication.class)
@ActiveProfiles("test")
class RealMongoDbIntegrationTests {

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

	private static final String DATABASE = "test";

	@Autowired
	private JobRunService runs;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		// Billstack and SMTP in-process; MongoDB comes from the service connection
		InProcessServices.register(registry);
	}

	@Test
	void processesTheSampleDataOnARealServer() {
		InProcessServices.BILLSTACK.resetAll();
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));
		// the service connection names no database: the driver's default, "test"
		try (MongoClient client = MongoClients.create(mongo.getReplicaSetUrl())) {
			client.getDatabase(DATABASE).getCollection("users").insertMany(InProcessServices.readSample("users.json"));
			client.getDatabase(DATABASE)
				.getCollection("accounts")
				.insertMany(InProcessServices.readSample("accounts.json"));

			RunSummary first = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
			RunSummary second = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

			assertThat(first.data().processedInThisRun()).isEqualTo(50);
			assertThat(first.data().totalUsersWithoutAccounts()).isEqualTo(SampleData.eligibleUserIds().size());
			assertThat(second.data().remainingUsers()).isEqualTo(first.data().remainingUsers() - 50);
			assertThat(client.getDatabase(DATABASE)
				.getCollection("accounts")
				.countDocuments(new Document("accountDetails.bankCode", "PALMPAY"))).isEqualTo(100);
		}
	}

}
