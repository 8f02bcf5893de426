package ng.kinta.dedicatedaccounts.batch.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import ng.kinta.dedicatedaccounts.batch.account.ExistingAccountFinder;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.schema.JsonSchemaObject;
import org.springframework.stereotype.Component;

/**
 * Finds the eligible users ({@code docs/DATA-MODEL.md}): active, email-verified, and
 * without an {@code accounts} document with {@code hasDedicatedAccountNumber: true} under
 * any of the three {@code user} forms. Users found to own an account are marked once, so
 * that later runs reach the eligible users with one indexed query.
 */
@Component
public class EligibleUsers {

	private final MongoTemplate mongoTemplate;

	private final ExistingAccountFinder existingAccounts;

	private final ProvisioningStateRepository provisioningState;

	private final Clock clock;

	EligibleUsers(MongoTemplate mongoTemplate, ExistingAccountFinder existingAccounts,
			ProvisioningStateRepository provisioningState, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.existingAccounts = existingAccounts;
		this.provisioningState = provisioningState;
		this.clock = clock;
	}

	/**
	 * Users that are active and email-verified and not known to own an account: the
	 * eligible users plus those whose account is not discovered yet.
	 * @return the criteria
	 */
	public static Criteria withoutKnownAccount() {
		return withoutKnownAccountAfter(null);
	}

	private static Criteria withoutKnownAccountAfter(ObjectId after) {
		// the app's ids are ObjectIds; anything else cannot be a user of it (and
		// would break paging)
		Criteria id = Criteria.where(UserFields.ID).type(JsonSchemaObject.Type.OBJECT_ID);
		if (after != null) {
			id = id.gt(after);
		}
		return id.and(UserFields.STATUS)
			.is(UserFields.ACTIVE)
			.and(UserFields.EMAIL_VERIFIED)
			.is(true)
			.and(UserFields.STATE)
			.ne(ProvisioningState.PROVISIONED.name());
	}

	/**
	 * Goes through every user without a known account, in {@code _id} order, checks
	 * {@code accounts} for each batch and picks the first eligible users whose back-off
	 * is over.
	 * @param limit most users to pick
	 * @param batchSize users checked against {@code accounts} per query
	 * @param markExisting whether to record users found to own an account (false for a
	 * dry run, which changes nothing)
	 * @return the count of eligible users and the picked ones
	 */
	public Selection select(int limit, int batchSize, boolean markExisting) {
		ExistingAccountFinder.Lookup lookup = this.existingAccounts.startLookup();
		Date now = Date.from(this.clock.instant());
		List<ObjectId> picked = new ArrayList<>();
		long eligible = 0;
		ObjectId after = null;
		while (true) {
			Query query = Query.query(withoutKnownAccountAfter(after)).with(Sort.by(UserFields.ID)).limit(batchSize);
			query.fields().include(UserFields.ID, UserFields.EMAIL, UserFields.NEXT_ATTEMPT_AT);
			List<Document> batch = this.mongoTemplate.find(query, Document.class, UserFields.USERS);
			if (batch.isEmpty()) {
				break;
			}
			Set<ObjectId> withAccount = lookup.usersWithAccount(batch);
			if (markExisting) {
				this.provisioningState.markExistingAccount(withAccount);
			}
			for (Document user : batch) {
				ObjectId id = user.getObjectId(UserFields.ID);
				if (withAccount.contains(id)) {
					continue;
				}
				eligible++;
				if (picked.size() < limit && isDue(user, now)) {
					picked.add(id);
				}
			}
			after = batch.get(batch.size() - 1).getObjectId(UserFields.ID);
		}
		return new Selection(eligible, List.copyOf(picked));
	}

	/**
	 * Counts the eligible users, assuming those with an account are already marked.
	 * @return users without a known account
	 */
	public long countWithoutAccount() {
		return this.mongoTemplate.count(Query.query(withoutKnownAccount()), UserFields.USERS);
	}

	/**
	 * Counts users a run claimed that still wait for an account and are not backing off:
	 * the users it left for the next run when its time budget ran out.
	 * @param claimToken the run's claim token
	 * @return the count
	 */
	public long countClaimedAndStillDue(String claimToken) {
		Date now = Date.from(this.clock.instant());
		Criteria due = new Criteria().orOperator(Criteria.where(UserFields.NEXT_ATTEMPT_AT).exists(false),
				Criteria.where(UserFields.NEXT_ATTEMPT_AT).lte(now));
		Query query = Query.query(withoutKnownAccount().and(UserFields.CLAIM_TOKEN).is(claimToken)).addCriteria(due);
		return this.mongoTemplate.count(query, UserFields.USERS);
	}

	private static boolean isDue(Document user, Date now) {
		if (user.get(UserFields.PROVISIONING) instanceof Document provisioning
				&& provisioning.get("nextAttemptAt") instanceof Date nextAttempt) {
			return !nextAttempt.after(now);
		}
		return true;
	}

	/**
	 * Result of {@link #select}.
	 *
	 * @param eligibleCount eligible users (active, verified, without account), due or not
	 * @param picked the first eligible users whose back-off is over, in {@code _id} order
	 */
	public record Selection(long eligibleCount, List<ObjectId> picked) {
	}

}
