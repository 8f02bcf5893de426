package ng.kinta.dedicatedaccounts.batch.user;

import ng.kinta.dedicatedaccounts.batch.account.AccountFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes the job's queries use (listed in {@code docs/DATA-MODEL.md}).
 * Creating an index that already exists is a no-op; a conflict with an index the app made
 * itself is logged and ignored, since the queries still work without ours.
 */
@Component
public class UserIndexes {

	private static final Logger logger = LoggerFactory.getLogger(UserIndexes.class);

	private final MongoTemplate mongoTemplate;

	UserIndexes(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/** Creates the indexes if missing. */
	public void ensureIndexes() {
		ensure(UserFields.USERS,
				new Index().on(UserFields.STATUS, Sort.Direction.ASC)
					.on(UserFields.EMAIL_VERIFIED, Sort.Direction.ASC)
					.on(UserFields.STATE, Sort.Direction.ASC)
					.on(UserFields.ID, Sort.Direction.ASC)
					.named("dedicatedAccounts_eligibility"));
		ensure(UserFields.USERS,
				new Index().on(UserFields.CLAIM_TOKEN, Sort.Direction.ASC)
					.on(UserFields.ID, Sort.Direction.ASC)
					.named("dedicatedAccounts_claim"));
		ensure(UserFields.USERS,
				new Index().on(UserFields.NOTIFICATION, Sort.Direction.ASC)
					.sparse()
					.named("dedicatedAccounts_notification"));
		ensure(AccountFields.ACCOUNTS,
				new Index().on(AccountFields.USER, Sort.Direction.ASC).named("dedicatedAccounts_user"));
	}

	private void ensure(String collection, Index index) {
		try {
			this.mongoTemplate.indexOps(collection).createIndex(index);
		}
		catch (RuntimeException ex) {
			logger.warn("Index on {} not created ({}); queries still work without it", collection,
					ex.getClass().getSimpleName());
		}
	}

}
