package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackClient;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import ng.kinta.dedicatedaccounts.batch.user.UserRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Pays, while the application starts, what the first run would otherwise pay on its first
 * Billstack round: the HTTP client, the JSON mapping of a request and its answer
 * ({@link BillstackClient#warmUp()}: a made-up request to a throwaway server on loopback,
 * never to Billstack), the MongoDB connection, a query and an update of the {@code users}
 * collection that match nobody, and the reading of a user record. Nothing is read from or
 * written to the database.
 * <p>
 * Runs on Spring Boot's {@link ApplicationStartedEvent}: after the context is refreshed
 * and before the application runners, so before the command line starts its run; a web
 * trigger takes requests only after it. A peer that does not answer costs at most
 * {@link #MAX_WAIT}: the warm-up then goes on in the background and the application
 * starts; a failure only loses the time it was meant to save.
 */
@Component
class FirstRunWarmUp {

	private static final Logger logger = LoggerFactory.getLogger(FirstRunWarmUp.class);

	static final Duration MAX_WAIT = Duration.ofSeconds(3);

	private final BillstackClient billstack;

	private final MongoTemplate mongoTemplate;

	FirstRunWarmUp(BillstackClient billstack, MongoTemplate mongoTemplate) {
		this.billstack = billstack;
		this.mongoTemplate = mongoTemplate;
	}

	@EventListener(ApplicationStartedEvent.class)
	void warmUp() {
		long start = System.nanoTime();
		CompletableFuture<Void> done = CompletableFuture.allOf(
				CompletableFuture.runAsync(this::billstack, (task) -> daemon("warm-up-billstack", task)),
				CompletableFuture.runAsync(this::mongo, (task) -> daemon("warm-up-mongodb", task)));
		try {
			done.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			logger.debug("First run warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		catch (TimeoutException | ExecutionException ex) {
			logger.debug("First run warm-up not finished: {}", ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void billstack() {
		try {
			this.billstack.warmUp();
		}
		catch (Exception ex) {
			logger.debug("Billstack client warm-up failed: {}", ex.getClass().getSimpleName());
		}
	}

	private void mongo() {
		try {
			// nobody has this id: the driver connects and runs a query and an update of
			// the users collection, which match nothing (nothing is read or written)
			// (only where the collection exists: some servers, mongo-java-server among
			// them, would create it, and a database without users must stay so)
			if (this.mongoTemplate.collectionExists(UserFields.USERS)) {
				Query nobody = Query.query(Criteria.where(UserFields.ID).is(new ObjectId(new byte[12])));
				this.mongoTemplate.find(nobody, UserRecord.class, UserFields.USERS);
				this.mongoTemplate.updateFirst(nobody, Update.update(UserFields.STATE, null), UserFields.USERS);
			}
			this.mongoTemplate.getConverter()
				.read(UserRecord.class, new Document(UserFields.ID, new ObjectId()).append("fullName", "Ada Lovelace"));
		}
		catch (RuntimeException ex) {
			logger.debug("MongoDB warm-up failed: {}", ex.getClass().getSimpleName());
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

}
