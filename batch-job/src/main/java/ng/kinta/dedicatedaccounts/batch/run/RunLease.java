package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The run lease: one document in the shared MongoDB (collection {@value #COLLECTION},
 * {@code _id} = the job name) that at most one run anywhere holds, naming its holder.
 * Every host that runs the job shares this MongoDB, whatever job repository it uses, so
 * this is what keeps runs one at a time across hosts, command lines and trigger replicas.
 * <p>
 * The holder renews the lease while it runs; a lease not renewed for
 * {@code app.run.lease-duration} lapses, and anyone may take it. A holder on this host
 * whose process is gone is known dead at once, so its lease can be taken without waiting.
 * Each change is one atomic single-document operation (insert, or update with a condition
 * on {@code expiresAt} or on the holder's token), so two contenders never both win. Every
 * time on the lease comes from MongoDB's clock (read with {@code $currentDate}), never
 * from a host's, so hosts whose clocks disagree still agree on when a lease lapses. The
 * holder's own safety check is its {@link LeaseFence}.
 */
@Component
class RunLease {

	static final String COLLECTION = "batchRunLeases";

	static final String LEASE_ID = "createDedicatedAccountsJob";

	/** Document whose {@code $currentDate} reads MongoDB's clock. */
	static final String CLOCK_ID = "clock";

	private final MongoTemplate mongoTemplate;

	private final RunProperties properties;

	private final Clock clock;

	RunLease(MongoTemplate mongoTemplate, RunProperties properties, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes the lease if it is free, lapsed, or held by a process of this host that is
	 * gone.
	 * @param holder the new holder
	 * @return whether {@code holder} now holds the lease
	 */
	boolean tryAcquire(LeaseHolder holder) {
		Instant now = serverTime();
		try {
			this.mongoTemplate.insert(newLease(holder, now), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// held or lapsed: take it over below if it lapsed
		}
		Query lapsed = Query.query(Criteria.where("_id").is(LEASE_ID).and("expiresAt").lte(Date.from(now)));
		if (takeOver(lapsed, holder, now)) {
			return true;
		}
		Optional<State> current = current();
		if (current.isPresent() && current.get().holder().isGoneFromThisHost()) {
			// conditional on the dead holder's token: of two contenders only one wins
			Query dead = Query
				.query(Criteria.where("_id").is(LEASE_ID).and("holder.token").is(current.get().holder().token()));
			return takeOver(dead, holder, now);
		}
		return false;
	}

	/**
	 * Extends the lease by {@code app.run.lease-duration} from now (MongoDB's clock).
	 * Asks MongoDB only.
	 * @param holder the holder
	 * @return whether {@code holder} still holds the lease (false: it lapsed and another
	 * process took it)
	 */
	boolean renew(LeaseHolder holder) {
		Instant now = serverTime();
		Update update = new Update().set("renewedAt", Date.from(now))
			.set("expiresAt", Date.from(now.plus(this.properties.leaseDuration())));
		return this.mongoTemplate.updateFirst(byHolder(holder), update, COLLECTION).getMatchedCount() == 1;
	}

	/**
	 * Names the job execution the holder runs, once, when the job starts.
	 * @param holder the holder
	 * @param jobExecutionId the job execution
	 * @return whether {@code holder} still holds the lease
	 */
	boolean recordJobExecution(LeaseHolder holder, long jobExecutionId) {
		return this.mongoTemplate
			.updateFirst(byHolder(holder), new Update().set("jobExecutionId", jobExecutionId), COLLECTION)
			.getMatchedCount() == 1;
	}

	/**
	 * MongoDB's current time: the one clock every contender shares.
	 * @return the server's time, to the millisecond
	 */
	Instant serverTime() {
		Document clockDocument = this.mongoTemplate.findAndModify(Query.query(Criteria.where("_id").is(CLOCK_ID)),
				new Update().currentDate("now"), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, COLLECTION);
		Date now = (clockDocument != null) ? clockDocument.getDate("now") : null;
		return (now != null) ? now.toInstant() : this.clock.instant();
	}

	/**
	 * Gives the lease up, if {@code holder} still holds it.
	 * @param holder the holder
	 */
	void release(LeaseHolder holder) {
		this.mongoTemplate.remove(byHolder(holder), COLLECTION);
	}

	/**
	 * The lease as stored.
	 * @return its state, or empty when nobody holds it
	 */
	Optional<State> current() {
		Document lease = this.mongoTemplate.findById(LEASE_ID, Document.class, COLLECTION);
		if (lease == null || !(lease.get("holder") instanceof Document holder)) {
			return Optional.empty();
		}
		Date started = holder.getDate("processStartedAt");
		Number pid = holder.get("pid", Number.class);
		LeaseHolder leaseHolder = new LeaseHolder(holder.getString("host"), (pid != null) ? pid.longValue() : -1,
				(started != null) ? started.toInstant() : null, holder.getString("bootId"),
				holder.getString("pidNamespace"), holder.getString("token"), holder.getString("purpose"));
		Number jobExecutionId = lease.get("jobExecutionId", Number.class);
		Date expiresAt = lease.getDate("expiresAt");
		return Optional.of(new State(leaseHolder, (jobExecutionId != null) ? jobExecutionId.longValue() : null,
				(expiresAt != null) ? expiresAt.toInstant() : Instant.EPOCH));
	}

	private boolean takeOver(Query query, LeaseHolder holder, Instant now) {
		Document lease = newLease(holder, now);
		lease.remove("_id");
		Update update = new Update();
		lease.forEach(update::set);
		update.unset("jobExecutionId");
		return this.mongoTemplate.updateFirst(query, update, COLLECTION).getModifiedCount() == 1;
	}

	private Document newLease(LeaseHolder holder, Instant now) {
		Document holderDocument = new Document("host", holder.host()).append("pid", holder.pid())
			.append("processStartedAt",
					(holder.processStartedAt() != null) ? Date.from(holder.processStartedAt()) : null)
			.append("bootId", holder.bootId())
			.append("pidNamespace", holder.pidNamespace())
			.append("token", holder.token())
			.append("purpose", holder.purpose());
		return new Document("_id", LEASE_ID).append("holder", holderDocument)
			.append("acquiredAt", Date.from(now))
			.append("renewedAt", Date.from(now))
			.append("expiresAt", Date.from(now.plus(this.properties.leaseDuration())));
	}

	private static Query byHolder(LeaseHolder holder) {
		return Query.query(Criteria.where("_id").is(LEASE_ID).and("holder.token").is(holder.token()));
	}

	/**
	 * The lease as stored.
	 *
	 * @param holder who holds it
	 * @param jobExecutionId the job execution it runs (in the holder's job repository),
	 * or {@code null} before it is known
	 * @param expiresAt when it lapses unless renewed
	 */
	record State(LeaseHolder holder, @Nullable Long jobExecutionId, Instant expiresAt) {

		/**
		 * Whether the holder may still be running.
		 * @param now the current time
		 * @return {@code false} once the lease lapsed or its holder is gone from this
		 * host
		 */
		boolean isLive(Instant now) {
			return this.expiresAt.isAfter(now) && !this.holder.isGoneFromThisHost();
		}

	}

}
