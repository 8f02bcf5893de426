package ng.kinta.dedicatedaccounts.batch.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds which users already own a dedicated account. The existing app wrote
 * {@code accounts.user} in three forms: the user's ObjectId, its hex string, or the
 * user's email (compared trimmed and case-insensitive).
 */
@Component
public class ExistingAccountFinder {

	/**
	 * Email-form {@code user} values that an exact lookup of the normalised email would
	 * miss.
	 */
	private static final Pattern IRREGULAR_EMAIL = Pattern.compile("(^\\s)|(\\s$)|[A-Z]");

	private final MongoTemplate mongoTemplate;

	public ExistingAccountFinder(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * Opens a lookup session: reads the few email-form accounts whose {@code user} has
	 * stray case or spaces once, so that each batch can then be matched with one indexed
	 * query.
	 * @return the lookup
	 */
	public Lookup startLookup() {
		Query irregular = Query.query(Criteria.where(AccountFields.HAS_DEDICATED_ACCOUNT)
			.is(true)
			.and(AccountFields.USER)
			.regex(IRREGULAR_EMAIL));
		irregular.fields().include(AccountFields.USER);
		Set<String> emails = new HashSet<>();
		for (Document account : this.mongoTemplate.find(irregular, Document.class, AccountFields.ACCOUNTS)) {
			if (account.get(AccountFields.USER) instanceof String email) {
				emails.add(normalizeEmail(email));
			}
		}
		return new Lookup(emails);
	}

	static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/** Matches batches of users against {@code accounts}. */
	public final class Lookup {

		private final Set<String> irregularEmails;

		private Lookup(Set<String> irregularEmails) {
			this.irregularEmails = irregularEmails;
		}

		/**
		 * Which of these users own a dedicated account.
		 * @param users the users, each with its id and email
		 * @return ids of the users that own an account with
		 * {@code hasDedicatedAccountNumber:
		 * true}
		 */
		public Set<ObjectId> usersWithAccount(Collection<Owner> users) {
			Map<Object, ObjectId> owners = new HashMap<>();
			Set<ObjectId> found = new HashSet<>();
			for (Owner user : users) {
				ObjectId id = user.id();
				owners.put(id, id);
				owners.put(id.toHexString(), id);
				String email = user.email();
				if (email != null) {
					owners.put(email, id);
					owners.put(normalizeEmail(email), id);
					if (this.irregularEmails.contains(normalizeEmail(email))) {
						found.add(id);
					}
				}
			}
			if (owners.isEmpty()) {
				return found;
			}
			List<Object> keys = new ArrayList<>(owners.keySet());
			Query query = Query
				.query(Criteria.where(AccountFields.HAS_DEDICATED_ACCOUNT).is(true).and(AccountFields.USER).in(keys));
			query.fields().include(AccountFields.USER);
			for (Document account : ExistingAccountFinder.this.mongoTemplate.find(query, Document.class,
					AccountFields.ACCOUNTS)) {
				ObjectId owner = owners.get(account.get(AccountFields.USER));
				if (owner != null) {
					found.add(owner);
				}
			}
			return found;
		}

	}

	/**
	 * A user whose account is looked up, under each form {@code accounts.user} may take.
	 *
	 * @param id the user's id
	 * @param email the user's email as stored, or {@code null} when it has none
	 */
	public record Owner(ObjectId id, String email) {

	}

}
