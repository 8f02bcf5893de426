package ng.kinta.dedicatedaccounts.batch.support;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Writes users in the existing app's format to the in-process MongoDB and reads their
 * state.
 */
public final class TestUsers {

	private TestUsers() {
	}

	/**
	 * Inserts eligible users with usable records.
	 * @param count how many
	 * @return their ids, in insertion order
	 */
	public static List<ObjectId> insertUsers(int count) {
		List<ObjectId> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(insertUser(
					new Document("fullName", "Test User" + i)
						.append("auth",
								new Document("email", "user" + i + "@example.test").append("password",
										"$2a$10$FIXTURESECRET"))
						.append("phoneNumber", String.format("0803%07d", i))));
		}
		return ids;
	}

	/**
	 * Inserts one active, email-verified user.
	 * @param user the other fields of the user
	 * @return its new id
	 */
	public static ObjectId insertUser(Document user) {
		ObjectId id = new ObjectId();
		InProcessServices.database()
			.getCollection("users")
			.insertOne(user.append("_id", id).append("status", "active").append("isEmailVerified", true));
		return id;
	}

	/**
	 * The job's state on a user.
	 * @param userId the user
	 * @return the {@code accountProvisioning} sub-document, or {@code null}
	 */
	public static Document provisioning(ObjectId userId) {
		Document user = InProcessServices.database().getCollection("users").find(new Document("_id", userId)).first();
		return user.get("accountProvisioning", Document.class);
	}

	/**
	 * Counts users in one provisioning state.
	 * @param state the state's name
	 * @return the count
	 */
	public static long countInState(String state) {
		return InProcessServices.database()
			.getCollection("users")
			.countDocuments(new Document("accountProvisioning.state", state));
	}

}
