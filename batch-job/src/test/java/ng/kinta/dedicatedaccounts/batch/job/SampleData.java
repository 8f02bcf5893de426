package ng.kinta.dedicatedaccounts.batch.job;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Works out from the sample data itself, independently of the job's code, which users are
 * eligible (DESIGN §3), so the tests compare the job with the definition, not with
 * numbers.
 */
final class SampleData {

	private SampleData() {
	}

	static Set<String> eligibleUserIds() {
		Set<String> owners = new HashSet<>();
		for (Document account : InProcessServices.readSample("accounts.json")) {
			if (Boolean.TRUE.equals(account.getBoolean("hasDedicatedAccountNumber"))) {
				Object user = account.get("user");
				owners.add((user instanceof ObjectId id) ? id.toHexString()
						: user.toString().strip().toLowerCase(Locale.ROOT));
			}
		}
		Set<String> eligible = new HashSet<>();
		List<Document> users = InProcessServices.readSample("users.json");
		for (Document user : users) {
			String id = user.getObjectId("_id").toHexString();
			String email = user.get("auth", Document.class).getString("email").strip().toLowerCase(Locale.ROOT);
			if ("active".equals(user.getString("status")) && Boolean.TRUE.equals(user.getBoolean("isEmailVerified"))
					&& !owners.contains(id) && !owners.contains(email)) {
				eligible.add(id);
			}
		}
		return eligible;
	}

}
