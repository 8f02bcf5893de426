package ng.kinta.dedicatedaccounts.batch.user;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the database named by {@code MONGO_DB_URI} is the app's: it must hold a
 * {@code users} collection. A database name with a typo would otherwise read as "nobody
 * needs an account" on every run (and index creation would create the collection).
 * Checking never creates anything. Usable by the job, the command line, and a health
 * indicator ({@link #exists()}).
 */
@Component
public class UsersCollection {

	private final MongoTemplate mongoTemplate;

	UsersCollection(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * Whether the database has a {@code users} collection (one listCollections command).
	 * @return {@code true} when it exists
	 */
	public boolean exists() {
		return this.mongoTemplate.collectionExists(UserFields.USERS);
	}

	/**
	 * Fails unless the database has a {@code users} collection.
	 * @throws MissingUsersCollectionException when it has none
	 */
	public void requireExists() {
		if (!exists()) {
			throw new MissingUsersCollectionException(this.mongoTemplate.getDb().getName());
		}
	}

}
