package ng.kinta.dedicatedaccounts.batch.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

/**
 * The in-process MongoDB (mongo-java-server's memory backend) with one fault a test can
 * switch on: it refuses the writes that record an account Billstack created (an update
 * setting {@code accountProvisioning.state} to {@code ACCOUNT_CREATED}), as a primary
 * that rejects a write would (error 121, document validation failure: not retried by the
 * driver). It counts what it refused.
 */
public final class MongoFaults extends MemoryBackend {

	private volatile boolean refuseAccountRecords;

	private final AtomicInteger refused = new AtomicInteger();

	/** Refuses every write that records an account, until {@link #heal()}. */
	public void refuseAccountRecords() {
		this.refuseAccountRecords = true;
	}

	/** Accepts every write again. */
	public void heal() {
		this.refuseAccountRecords = false;
	}

	/**
	 * Writes refused so far.
	 * @return the count
	 */
	public int refusedWrites() {
		return this.refused.get();
	}

	void reset() {
		heal();
		this.refused.set(0);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if (this.refuseAccountRecords && "update".equalsIgnoreCase(command) && recordsAnAccount(query)) {
			this.refused.incrementAndGet();
			throw new MongoServerError(121, "DocumentValidationFailure", "Document failed validation");
		}
		return super.handleCommand(channel, databaseName, command, query);
	}

	private static boolean recordsAnAccount(Document query) {
		if (!(query.get("updates") instanceof List<?> updates)) {
			return false;
		}
		for (Object update : updates) {
			if (update instanceof Document statement && statement.get("u") instanceof Document change
					&& change.get("$set") instanceof Document set
					&& "ACCOUNT_CREATED".equals(set.get("accountProvisioning.state"))) {
				return true;
			}
		}
		return false;
	}

}
