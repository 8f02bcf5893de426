package ng.kinta.dedicatedaccounts.batch.user;

/**
 * The database named by {@code MONGO_DB_URI} has no {@code users} collection: a
 * configuration error (most often a wrong database name), not "nothing to do".
 */
public class MissingUsersCollectionException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param database the database's name
	 */
	public MissingUsersCollectionException(String database) {
		super("Database \"" + database + "\" has no \"" + UserFields.USERS
				+ "\" collection: check the database name in MONGO_DB_URI");
	}

}
