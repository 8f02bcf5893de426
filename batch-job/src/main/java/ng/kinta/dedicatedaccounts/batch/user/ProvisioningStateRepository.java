package ng.kinta.dedicatedaccounts.batch.user;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;

import ng.kinta.dedicatedaccounts.batch.account.AccountDetails;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Writes the job's provisioning state onto {@code users} documents (sub-document
 * {@value UserFields#PROVISIONING}; fields in {@link UserFields}). Each write is recorded
 * as soon as it is known, outside any chunk transaction, so a retried chunk or a
 * restarted run can tell what already happened and never calls Billstack twice for one
 * user.
 */
@Repository
public class ProvisioningStateRepository {

	private final MongoTemplate mongoTemplate;

	private final Clock clock;

	ProvisioningStateRepository(MongoTemplate mongoTemplate, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.clock = clock;
	}

	/**
	 * Records the account Billstack created, before anything else can fail.
	 * @param userId the user
	 * @param account the account
	 */
	public void recordAccountCreated(ObjectId userId, VirtualAccount account) {
		update(userId,
				new Update().set(UserFields.STATE, ProvisioningState.ACCOUNT_CREATED.name())
					.set(UserFields.ACCOUNT, AccountDetails.toDocument(account))
					.unset(UserFields.LAST_ERROR)
					.unset(UserFields.NEXT_ATTEMPT_AT));
	}

	/**
	 * Records a failed attempt and when to try again, by the {@link BackoffPolicy} of
	 * {@code firstBackoff} and {@code maxBackoff}.
	 * @param userId the user
	 * @param state {@link ProvisioningState#FAILED} or
	 * {@link ProvisioningState#UNUSABLE_RECORD}
	 * @param reason why, without personal data
	 * @param firstBackoff back-off after the first failure
	 * @param maxBackoff longest back-off
	 * @return the time of the next attempt
	 */
	public Date recordFailure(ObjectId userId, ProvisioningState state, String reason, Duration firstBackoff,
			Duration maxBackoff) {
		Document updated = this.mongoTemplate.findAndModify(byId(userId),
				new Update().inc(UserFields.ATTEMPTS, 1)
					.set(UserFields.STATE, state.name())
					.set(UserFields.LAST_ERROR, reason)
					.set(UserFields.UPDATED_AT, now()),
				FindAndModifyOptions.options().returnNew(true), Document.class, UserFields.USERS);
		int attempts = (updated != null) ? UserRecord.from(updated).provisioning().attempts() : 1;
		Duration backoff = new BackoffPolicy(firstBackoff, maxBackoff).after(attempts);
		Date nextAttempt = Date.from(this.clock.instant().plus(backoff));
		update(userId, new Update().set(UserFields.NEXT_ATTEMPT_AT, nextAttempt));
		return nextAttempt;
	}

	/**
	 * Marks users whose account document is written as provisioned, with the email
	 * pending unless it was already sent.
	 * @param userIds the users
	 */
	public void markProvisioned(Collection<ObjectId> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		Date now = now();
		// one round trip for both updates
		this.mongoTemplate.bulkOps(BulkOperations.BulkMode.ORDERED, UserFields.USERS)
			.updateMulti(Query.query(Criteria.where(UserFields.ID).in(userIds)),
					new Update().set(UserFields.STATE, ProvisioningState.PROVISIONED.name())
						.set(UserFields.SOURCE, "JOB")
						.unset(UserFields.LAST_ERROR)
						.unset(UserFields.NEXT_ATTEMPT_AT)
						.set(UserFields.UPDATED_AT, now))
			.updateMulti(
					Query.query(Criteria.where(UserFields.ID)
						.in(userIds)
						.and(UserFields.NOTIFICATION)
						.nin(NotificationState.SENT.name(), NotificationState.FAILED.name())),
					new Update().set(UserFields.NOTIFICATION, NotificationState.PENDING.name()))
			.execute();
	}

	/**
	 * Marks users found to own an account created outside the job, so that they are never
	 * sent to Billstack and never take a place among a run's users.
	 * @param userIds the users
	 */
	public void markExistingAccount(Collection<ObjectId> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		this.mongoTemplate.updateMulti(Query.query(Criteria.where(UserFields.ID).in(userIds)),
				new Update().set(UserFields.STATE, ProvisioningState.PROVISIONED.name())
					.set(UserFields.SOURCE, "EXISTING_ACCOUNT")
					.set(UserFields.UPDATED_AT, now()),
				UserFields.USERS);
	}

	/**
	 * Claims users for one run: the provisioning step reads exactly the users claimed by
	 * its run, a query that its own writes do not change, so paging never skips a user. A
	 * later run re-claims a user that an earlier one left unprocessed.
	 * @param userIds the users
	 * @param claimToken the run's claim token, unique across hosts and job repositories
	 */
	public void claim(Collection<ObjectId> userIds, String claimToken) {
		if (userIds.isEmpty()) {
			return;
		}
		this.mongoTemplate.updateMulti(Query.query(Criteria.where(UserFields.ID).in(userIds)),
				new Update().set(UserFields.CLAIM_TOKEN, claimToken).set(UserFields.CLAIMED_AT, now()),
				UserFields.USERS);
	}

	/**
	 * Records that the relay accepted the users' account emails.
	 * @param userIds the users
	 */
	public void markEmailsSent(Collection<ObjectId> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		this.mongoTemplate.updateMulti(Query.query(Criteria.where(UserFields.ID).in(userIds)),
				new Update().set(UserFields.NOTIFICATION, NotificationState.SENT.name())
					.unset(UserFields.NOTIFICATION_ERROR)
					.set(UserFields.UPDATED_AT, now()),
				UserFields.USERS);
	}

	/**
	 * Records that the account email can never be sent, so that no run tries it again.
	 * @param userId the user
	 * @param reason why, without personal data (an SMTP reply code, not the address)
	 */
	public void markEmailFailed(ObjectId userId, String reason) {
		update(userId, new Update().set(UserFields.NOTIFICATION, NotificationState.FAILED.name())
			.set(UserFields.NOTIFICATION_ERROR, reason));
	}

	private void update(ObjectId userId, Update update) {
		this.mongoTemplate.updateFirst(byId(userId), update.set(UserFields.UPDATED_AT, now()), UserFields.USERS);
	}

	private static Query byId(ObjectId userId) {
		return Query.query(Criteria.where(UserFields.ID).is(userId));
	}

	private Date now() {
		return Date.from(this.clock.instant());
	}

}
