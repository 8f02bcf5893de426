package ng.kinta.dedicatedaccounts.batch.account;

import java.time.Clock;
import java.util.Date;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import org.bson.types.ObjectId;

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
	 * Inserts the user's dedicated account unless one already exists for the user's
	 * ObjectId: reruns and restarts never create a second document, and signup
	 * placeholders ({@code hasDedicatedAccountNumber: false}) are left as they are.
	 * @param userId the user's id
	 * @param account the account Billstack created
	 * @return {@code true} when a document was inserted, {@code false} when one existed
	 */
	public boolean upsert(ObjectId userId, VirtualAccount account) {
		Date now = Date.from(this.clock.instant());
		Query query = Query
			.query(Criteria.where(AccountFields.USER).is(userId).and(AccountFields.HAS_DEDICATED_ACCOUNT).is(true));
		Update update = new Update().setOnInsert("accountDetails", AccountDetails.toDocument(account))
			.setOnInsert("order_ref", userId)
			.setOnInsert("createdAt", now)
			.setOnInsert("updatedAt", now)
			.setOnInsert("__v", 0);
		return this.mongoTemplate.upsert(query, update, AccountFields.ACCOUNTS).getUpsertedId() != null;
	}

}
