package ng.kinta.dedicatedaccounts.batch;

import com.mongodb.ConnectionString;

/**
 * Checks {@code MONGO_DB_URI} before the driver uses it: it must be a MongoDB connection
 * string (https://www.mongodb.com/docs/manual/reference/connection-string/) that names
 * the app's database. Without a name the driver would fall back to a default database
 * that holds no users.
 */
final class MongoUri {

	static final String PROPERTY = "app.mongodb.uri";

	private MongoUri() {
	}

	/**
	 * Checks a connection string.
	 * @param uri the connection string, not blank
	 * @throws InvalidConfigurationException when it cannot be parsed or names no
	 * database; the message never contains the value
	 */
	static void requireDatabase(String uri) {
		String database;
		try {
			database = new ConnectionString(uri).getDatabase();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(PROPERTY,
					"MONGO_DB_URI is not a MongoDB connection string (expected mongodb://host:27017/kinta or "
							+ "mongodb+srv://cluster.example.net/kinta)");
		}
		if (database == null || database.isBlank()) {
			throw new InvalidConfigurationException(PROPERTY,
					"MONGO_DB_URI names no database (put it after the hosts: mongodb://host:27017/kinta)");
		}
	}

}
