package ng.kinta.dedicatedaccounts.batch.account;

import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.bulk.BulkWriteUpsert;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Writes dedicated accounts to the existing app's {@code accounts} collection in the
 * shape its Mongoose model uses (docs/DATA-MODEL.md).
 */
@Repository
public class DedicatedAccountRepository {

	private final MongoTemplate mongoTemplate;

	private final Clock clock;

	DedicatedAccountRepository(MongoTemplate mongoTemplate, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clock = clock;
	}

	/**
	 * Inserts each user's dedicated account unless one already exists for the user's
	 * ObjectId: reruns and restarts never create a second document, and signup
	 * placeholders ({@code hasDedicatedAccountNumber: false}) are left as they are. One
	 * unordered bulk write (one round trip) for all of them.
	 * @param accounts the accounts Billstack created, by user id
	 * @return the users whose document was inserted now; the others already had one
	 * @throws org.springframework.dao.DataAccessException when MongoDB fails the write
	 * (some documents may be written: a retry inserts only the missing ones)
	 */
	public Set<ObjectId> upsertAll(Map<ObjectId, VirtualAccount> accounts) {
		if (accounts.isEmpty()) {
			return Set.of();
		}
		Date now = Date.from(this.clock.instant());
		List<ObjectId> userIds = List.copyOf(accounts.keySet());
		BulkOperations bulk = this.mongoTemplate.bulkOps(BulkOperations.BulkMode.UNORDERED, AccountFields.ACCOUNTS);
		for (ObjectId userId : userIds) {
			Query query = Query
				.query(Criteria.where(AccountFields.USER).is(userId).and(AccountFields.HAS_DEDICATED_ACCOUNT).is(true));
			Update update = new Update().setOnInsert("accountDetails", AccountDetails.toDocument(accounts.get(userId)))
				.setOnInsert("order_ref", userId)
				.setOnInsert("createdAt", now)
				.setOnInsert("updatedAt", now)
				.setOnInsert("__v", 0);
			bulk.upsert(query, update);
		}
		Set<ObjectId> inserted = new HashSet<>();
		for (BulkWriteUpsert upsert : bulk.execute().getUpserts()) {
			inserted.add(userIds.get(upsert.getIndex()));
		}
		return inserted;
	}

}
