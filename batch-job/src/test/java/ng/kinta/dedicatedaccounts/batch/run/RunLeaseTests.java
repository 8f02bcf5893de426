package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run lease on the MongoDB wire protocol (mongo-java-server): one holder at a time,
 * taken over when it lapses, and at once when its holder's process on this host is gone.
 */
class RunLeaseTests {

	private static MongoServer server;

	private static MongoClient client;

	private MongoTemplate mongoTemplate;

	private RunLease lease;

	@BeforeAll
	static void startMongo() {
		server = new MongoServer(new MemoryBackend());
		client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
	}

	@AfterAll
	static void stopMongo() {
		client.close();
		server.shutdownNow();
	}

	@BeforeEach
	void freshLease() {
		this.mongoTemplate = new MongoTemplate(client, "leases");
		this.mongoTemplate.dropCollection(RunLease.COLLECTION);
		this.lease = new RunLease(this.mongoTemplate, new RunProperties(Duration.ofSeconds(60), Duration.ofSeconds(5)),
				Clock.systemUTC());
	}

	@Test
	void aFreeLeaseIsTakenAndASecondContenderIsRefusedUntilItIsReleased() {
		LeaseHolder first = LeaseHolder.thisProcess("new run");
		LeaseHolder second = LeaseHolder.thisProcess("new run");

		assertThat(this.lease.tryAcquire(first)).isTrue();
		assertThat(this.lease.tryAcquire(second)).isFalse();
		assertThat(this.lease.current()).hasValueSatisfying((state) -> {
			assertThat(state.holder().token()).isEqualTo(first.token());
			assertThat(state.holder().pid()).isEqualTo(ProcessHandle.current().pid());
		});

		this.lease.release(first);
		assertThat(this.lease.tryAcquire(second)).isTrue();
	}

	@Test
	void renewalRecordsTheJobExecutionAndFailsOnceAnotherHolderTookTheLease() {
		LeaseHolder holder = LeaseHolder.thisProcess("new run");
		assertThat(this.lease.tryAcquire(holder)).isTrue();

		assertThat(this.lease.renew(holder)).isTrue();
		assertThat(this.lease.recordJobExecution(holder, 42L)).isTrue();
		assertThat(this.lease.current())
			.hasValueSatisfying((state) -> assertThat(state.jobExecutionId()).isEqualTo(42));

		expire();
		LeaseHolder other = LeaseHolder.thisProcess("new run");
		assertThat(this.lease.tryAcquire(other)).isTrue();
		assertThat(this.lease.renew(holder)).isFalse();
		this.lease.release(holder);
		assertThat(this.lease.current())
			.hasValueSatisfying((state) -> assertThat(state.holder().token()).isEqualTo(other.token()));
	}

	@Test
	void aLiveHolderOnAnotherHostKeepsTheLeaseUntilItLapses() {
		storeLease("other-host", 1, Instant.now().plusSeconds(60));
		LeaseHolder contender = LeaseHolder.thisProcess("new run");

		assertThat(this.lease.tryAcquire(contender)).isFalse();

		expire();
		assertThat(this.lease.tryAcquire(contender)).isTrue();
	}

	@Test
	void aHolderOnThisHostWhoseProcessIsGoneLosesTheLeaseAtOnce() throws Exception {
		// given: a lease far from lapsing, held by a process of this host that has ended
		Process ended = new ProcessBuilder("true").start();
		assertThat(ended.waitFor()).isZero();
		storeLease(LeaseHolder.thisProcess("probe").host(), ended.pid(), Instant.now().plusSeconds(60));

		// when / then
		assertThat(this.lease.current())
			.hasValueSatisfying((state) -> assertThat(state.isLive(Instant.now())).isFalse());
		assertThat(this.lease.tryAcquire(LeaseHolder.thisProcess("recover of 1"))).isTrue();
	}

	@Test
	void aHolderOnThisHostWhoseProcessIsAliveKeepsTheLease() {
		storeLease(LeaseHolder.thisProcess("probe").host(), ProcessHandle.current().pid(),
				Instant.now().plusSeconds(60));

		assertThat(this.lease.tryAcquire(LeaseHolder.thisProcess("new run"))).isFalse();
	}

	@Test
	void aProcessThatReusedTheHoldersIdIsNotTakenForTheHolder() {
		// a restarted container's PID 1 has the id of the dead holder, not its start time
		LeaseHolder self = LeaseHolder.thisProcess("probe");
		LeaseHolder earlierProcessWithThisId = new LeaseHolder(self.host(), self.pid(),
				Instant.parse("2020-01-01T00:00:00Z"), self.bootId(), self.pidNamespace(), "dead-holder", "new run");
		LeaseHolder thisVeryProcess = new LeaseHolder(self.host(), self.pid(), self.processStartedAt(), self.bootId(),
				self.pidNamespace(), "live-holder", "new run");

		assertThat(earlierProcessWithThisId.isGoneFromThisHost()).isTrue();
		assertThat(thisVeryProcess.isGoneFromThisHost()).isFalse();
	}

	@Test
	void withoutProofOfTheSameMachineAndPidNamespaceAGoneHolderWaitsForTheLapse() throws Exception {
		// the same host name and a pid that is gone, but another machine's boot (a fixed
		// host name) or another PID namespace (host networking): the pid proves nothing
		Process ended = new ProcessBuilder("true").start();
		assertThat(ended.waitFor()).isZero();
		LeaseHolder self = LeaseHolder.thisProcess("probe");
		LeaseHolder otherMachine = new LeaseHolder(self.host(), ended.pid(), null, "another-boot", self.pidNamespace(),
				"t1", "new run");
		LeaseHolder otherNamespace = new LeaseHolder(self.host(), ended.pid(), null, self.bootId(), "pid:[1]", "t2",
				"new run");
		LeaseHolder unknownPlatform = new LeaseHolder(self.host(), ended.pid(), null, null, null, "t3", "new run");

		assertThat(otherMachine.isGoneFromThisHost()).isFalse();
		assertThat(otherNamespace.isGoneFromThisHost()).isFalse();
		assertThat(unknownPlatform.isGoneFromThisHost()).isFalse();
	}

	@Test
	void leaseTimesComeFromMongoDbsClockNotTheHosts() {
		// a host whose clock is a day behind still writes an expiry in MongoDB's time
		RunLease skewed = new RunLease(this.mongoTemplate,
				new RunProperties(Duration.ofSeconds(60), Duration.ofSeconds(5)),
				Clock.offset(Clock.systemUTC(), Duration.ofDays(-1)));
		LeaseHolder holder = LeaseHolder.thisProcess("new run");

		assertThat(skewed.tryAcquire(holder)).isTrue();

		assertThat(skewed.current()).hasValueSatisfying((state) -> assertThat(state.expiresAt())
			.isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(70)));
	}

	@Test
	void theFenceClosesBeforeTheLeaseCouldLapse() {
		LeaseFence fence = new LeaseFence(Duration.ofSeconds(4), System.nanoTime() - Duration.ofSeconds(2).toNanos());
		assertThat(fence.holds()).isTrue();

		LeaseFence stale = new LeaseFence(Duration.ofSeconds(4), System.nanoTime() - Duration.ofSeconds(3).toNanos());
		assertThat(stale.holds()).isFalse();
		stale.renewed(System.nanoTime());
		assertThat(stale.holds()).isTrue();
	}

	private void expire() {
		this.mongoTemplate.getCollection(RunLease.COLLECTION)
			.updateOne(new Document("_id", RunLease.LEASE_ID),
					new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(1)))));
	}

	private void storeLease(String host, long pid, Instant expiresAt) {
		this.mongoTemplate.getCollection(RunLease.COLLECTION)
			.insertOne(new Document("_id", RunLease.LEASE_ID)
				.append("holder",
						new Document("host", host).append("pid", pid)
							.append("bootId", LeaseHolder.thisProcess("probe").bootId())
							.append("pidNamespace", LeaseHolder.thisProcess("probe").pidNamespace())
							.append("token", "someone-else")
							.append("purpose", "new run"))
				.append("expiresAt", Date.from(expiresAt)));
	}

}
