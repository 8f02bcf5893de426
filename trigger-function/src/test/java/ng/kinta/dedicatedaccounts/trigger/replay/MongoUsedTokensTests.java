package ng.kinta.dedicatedaccounts.trigger.replay;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accepted tokens on the MongoDB wire protocol (mongo-java-server): one first use per
 * id across hosts, the document MongoDB's TTL index removes after the token's expiry.
 */
class MongoUsedTokensTests {

	private static final Instant FORGET_AFTER = Instant.parse("2026-12-01T10:05:05Z");

	private final MongoServer server = startServer();

	private final MongoClient client = MongoClients
		.create("mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort());

	private final MongoTemplate mongoTemplate = new MongoTemplate(this.client, "kinta");

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void aTokenIdIsUsedOnceAndRememberedUntilItsExpiryUnderATtlIndex() {
		MongoUsedTokens usedTokens = new MongoUsedTokens(this.mongoTemplate, Clock.systemUTC());

		assertThat(usedTokens.recordFirstUse("jwt_1", FORGET_AFTER)).isTrue();
		assertThat(usedTokens.recordFirstUse("jwt_1", FORGET_AFTER)).isFalse();
		assertThat(usedTokens.recordFirstUse("jwt_2", FORGET_AFTER)).isTrue();

		Document stored = this.mongoTemplate.findById("jwt_1", Document.class, MongoUsedTokens.COLLECTION);
		assertThat(stored.getDate(MongoUsedTokens.EXPIRES_AT).toInstant()).isEqualTo(FORGET_AFTER);
		List<Document> indexes = this.mongoTemplate.getCollection(MongoUsedTokens.COLLECTION)
			.listIndexes()
			.into(new java.util.ArrayList<>());
		assertThat(indexes).anySatisfy((index) -> {
			assertThat(index.get("key", Document.class)).containsEntry(MongoUsedTokens.EXPIRES_AT, 1);
			assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
		});
	}

	@Test
	void ofTwoHostsUsingOneTokenAtTheSameMomentExactlyOneIsFirst() throws Exception {
		MongoUsedTokens hostA = new MongoUsedTokens(this.mongoTemplate, Clock.systemUTC());
		MongoUsedTokens hostB = new MongoUsedTokens(new MongoTemplate(this.client, "kinta"), Clock.systemUTC());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Boolean>> uses = List.of(() -> {
				start.await();
				return hostA.recordFirstUse("jwt_race", FORGET_AFTER);
			}, () -> {
				start.await();
				return hostB.recordFirstUse("jwt_race", FORGET_AFTER);
			});
			List<Future<Boolean>> outcomes = uses.stream().map(executor::submit).toList();
			start.countDown();

			assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static MongoServer startServer() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		return server;
	}

}
