package ng.kinta.dedicatedaccounts.batch.user;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import ng.kinta.dedicatedaccounts.batch.account.ExistingAccountFinder;
import ng.kinta.dedicatedaccounts.batch.account.ExistingAccountFinder.Owner;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

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
		Instant now = this.clock.instant();
		List<ObjectId> picked = new ArrayList<>();
		long eligible = 0;
		ObjectId after = null;
		while (true) {
			Query query = Query.query(withoutKnownAccountAfter(after)).with(Sort.by(UserFields.ID)).limit(batchSize);
			query.fields().include(UserFields.ID, UserFields.EMAIL, UserFields.NEXT_ATTEMPT_AT, UserFields.STATE);
			List<Document> batch = this.mongoTemplate.find(query, Document.class, UserFields.USERS);
			if (batch.isEmpty()) {
				break;
			}
			List<UserRecord> users = batch.stream().map(UserRecord::from).toList();
			Set<ObjectId> withAccount = lookup
				.usersWithAccount(users.stream().map((user) -> new Owner(user.id(), user.email())).toList());
			if (markExisting) {
				this.provisioningState.markExistingAccount(withAccount);
			}
			for (UserRecord user : users) {
				ObjectId id = user.id();
				if (withAccount.contains(id)) {
					continue;
				}
				eligible++;
				// a parked user waits for an operator, never for a run
				if (picked.size() < limit && user.provisioning().isDueAt(now)
						&& user.provisioning().state() != ProvisioningState.NEEDS_RECONCILIATION) {
					picked.add(id);
				}
			}
			after = batch.get(batch.size() - 1).getObjectId(UserFields.ID);
		}
		return new Selection(eligible, List.copyOf(picked));
	}

	/**
	 * Users the job cannot use because their {@code _id} is not an ObjectId (the app's
	 * ids always are; such documents were written by hand or by another tool), among the
	 * active and email-verified ones. They never take a place among a run's users.
	 * @param listLimit most ids to return
	 * @return their count and the first ids, in {@code _id} order
	 */
	public IgnoredRecords ignoredRecords(int listLimit) {
		Query query = Query.query(notAnObjectId());
		long count = this.mongoTemplate.count(query, UserFields.USERS);
		if (count == 0) {
			return new IgnoredRecords(0, List.of());
		}
		query.with(Sort.by(UserFields.ID)).limit(listLimit).fields().include(UserFields.ID);
		List<String> ids = this.mongoTemplate.find(query, Document.class, UserFields.USERS)
			.stream()
			.map((user) -> String.valueOf(user.get(UserFields.ID)))
			.toList();
		return new IgnoredRecords(count, ids);
	}

	private static Criteria notAnObjectId() {
		return Criteria.where(UserFields.ID)
			.not()
			.type(JsonSchemaObject.Type.OBJECT_ID)
			.and(UserFields.STATUS)
			.is(UserFields.ACTIVE)
			.and(UserFields.EMAIL_VERIFIED)
			.is(true);
	}

	/**
	 * Counts the eligible users, assuming those with an account are already marked.
	 * @return users without a known account
	 */
	public long countWithoutAccount() {
		return this.mongoTemplate.count(Query.query(withoutKnownAccount()), UserFields.USERS);
	}

	/**
	 * When the eligible user who has waited longest was created: the age of the backlog.
	 * @return the oldest {@code createdAt} among users without a known account, or
	 * {@code null} when none has a date
	 */
	public @Nullable Instant oldestWaitingSince() {
		Query query = Query.query(withoutKnownAccount().and(UserFields.CREATED_AT).type(JsonSchemaObject.Type.DATE))
			.with(Sort.by(UserFields.CREATED_AT))
			.limit(1);
		query.fields().include(UserFields.CREATED_AT);
		Document oldest = this.mongoTemplate.findOne(query, Document.class, UserFields.USERS);
		return (oldest != null && oldest.get(UserFields.CREATED_AT) instanceof Date date) ? date.toInstant() : null;
	}

	/**
	 * Counts users a run claimed that still wait for an account and are not backing off:
	 * the users it left for the next run when its time budget ran out.
	 * @param claimToken the run's claim token
	 * @return the count
	 */
	public long countClaimedAndStillDue(String claimToken) {
		Date now = Date.from(this.clock.instant());
		// UserRecord.Provisioning#isDueAt as a query
		Criteria due = new Criteria().orOperator(Criteria.where(UserFields.NEXT_ATTEMPT_AT).exists(false),
				Criteria.where(UserFields.NEXT_ATTEMPT_AT).lte(now));
		// withoutKnownAccount(), but a parked user waits for an operator, not for a run
		Criteria waiting = Criteria.where(UserFields.ID)
			.type(JsonSchemaObject.Type.OBJECT_ID)
			.and(UserFields.STATUS)
			.is(UserFields.ACTIVE)
			.and(UserFields.EMAIL_VERIFIED)
			.is(true)
			.and(UserFields.STATE)
			.nin(ProvisioningState.PROVISIONED.name(), ProvisioningState.NEEDS_RECONCILIATION.name())
			.and(UserFields.CLAIM_TOKEN)
			.is(claimToken);
		Query query = Query.query(waiting).addCriteria(due);
		return this.mongoTemplate.count(query, UserFields.USERS);
	}

	/**
	 * Result of {@link #select}.
	 *
	 * @param eligibleCount eligible users (active, verified, without account), due or not
	 * @param picked the first eligible users whose back-off is over, in {@code _id} order
	 */
	public record Selection(long eligibleCount, List<ObjectId> picked) {
	}

	/**
	 * Result of {@link #ignoredRecords}.
	 *
	 * @param count active, email-verified users whose {@code _id} is not an ObjectId
	 * @param firstIds the first of their ids as text, in {@code _id} order
	 */
	public record IgnoredRecords(long count, List<String> firstIds) {
	}

}
