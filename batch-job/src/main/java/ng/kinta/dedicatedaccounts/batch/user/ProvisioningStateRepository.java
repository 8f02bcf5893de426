package ng.kinta.dedicatedaccounts.batch.user;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.account.AccountDetails;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
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
	 * Writes the durable "request out" marker before a Billstack request: a
	 * compare-and-set on this run's claim token and on the state, so that only the run
	 * that owns the user can send, and a user whose account is recorded is never sent
	 * again.
	 * @param userId the user
	 * @param claimToken this run's claim token
	 * @param bank the bank about to be asked
	 * @param reference the reference about to be sent
	 * @param retryOfUnknownOutcome whether this repeats a request whose outcome is
	 * unknown (counted against {@code app.billstack.max-unknown-retries})
	 * @return whether the marker was written; {@code false}: the request must not be sent
	 */
	public boolean markRequestSent(ObjectId userId, String claimToken, String bank, String reference,
			boolean retryOfUnknownOutcome) {
		Query query = Query.query(Criteria.where(UserFields.ID).is(userId).and(UserFields.CLAIM_TOKEN).is(claimToken))
			.addCriteria(ProvisioningTransitions.stateAllowsMoveTo(ProvisioningState.REQUEST_SENT));
		Update update = new Update().set(UserFields.STATE, ProvisioningState.REQUEST_SENT.name())
			.set(UserFields.REQUEST_BANK, bank)
			.set(UserFields.REQUEST_REFERENCE, reference)
			.set(UserFields.REQUEST_CLAIM_TOKEN, claimToken)
			.currentDate(UserFields.REQUEST_SENT_AT)
			.unset(UserFields.NEXT_ATTEMPT_AT)
			.currentDate(UserFields.UPDATED_AT);
		history(update,
				event(ProvisioningEvent.REQUEST_SENT).append("bank", bank)
					.append("reference", reference)
					.append("claimToken", claimToken));
		if (retryOfUnknownOutcome) {
			update.inc(UserFields.UNKNOWN_RETRIES, 1);
		}
		return this.mongoTemplate.updateFirst(query, update, UserFields.USERS).getMatchedCount() == 1;
	}

	/**
	 * Records the account Billstack created, before anything else can fail. A recorded
	 * account is never overwritten: a different one arriving is kept aside and flags the
	 * user for reconciliation.
	 * @param userId the user
	 * @param account the account
	 * @return what happened
	 */
	public AccountRecording recordAccountCreated(ObjectId userId, VirtualAccount account) {
		Query query = byId(userId)
			.addCriteria(ProvisioningTransitions.stateAllowsMoveTo(ProvisioningState.ACCOUNT_CREATED));
		long matched = this.mongoTemplate
			.updateFirst(query,
					history(new Update().set(UserFields.STATE, ProvisioningState.ACCOUNT_CREATED.name())
						.set(UserFields.ACCOUNT, AccountDetails.toDocument(account))
						.unset(UserFields.LAST_ERROR)
						.unset(UserFields.NEXT_ATTEMPT_AT)
						.unset(UserFields.RECONCILIATION_REASON)
						.unset(UserFields.RECONCILIATION_SINCE)
						.currentDate(UserFields.UPDATED_AT),
							event(ProvisioningEvent.ACCOUNT_CREATED).append("bank", account.bankCode())),
					UserFields.USERS)
			.getMatchedCount();
		if (matched == 1) {
			return AccountRecording.RECORDED;
		}
		Document user = this.mongoTemplate.findOne(byId(userId), Document.class, UserFields.USERS);
		VirtualAccount recorded = (user != null) ? UserRecord.from(user).provisioning().account() : null;
		if (recorded != null && account.accountNumber().equals(recorded.accountNumber())) {
			return AccountRecording.ALREADY_RECORDED;
		}
		this.mongoTemplate
			.updateFirst(
					byId(userId), history(
							new Update().push(UserFields.CONFLICTING_ACCOUNTS, AccountDetails.toDocument(account))
								.set(UserFields.RECONCILIATION_REASON,
										"Billstack returned a second account after one was recorded")
								.currentDate(UserFields.RECONCILIATION_SINCE)
								.currentDate(UserFields.UPDATED_AT),
							event(ProvisioningEvent.SECOND_ACCOUNT).append("bank", account.bankCode())),
					UserFields.USERS);
		return AccountRecording.CONFLICT;
	}

	/**
	 * Records that a request was sent and no answer came back. The user waits for
	 * {@code backoff}, then the same bank is asked again with the same reference; once
	 * {@code maxRetries} repeats are spent, the user is parked as
	 * {@link ProvisioningState#NEEDS_RECONCILIATION}.
	 * @param userId the user
	 * @param reason why the outcome is unknown, without personal data
	 * @param backoff the wait before the same bank is asked again
	 * @param maxRetries repeats allowed ({@code app.billstack.max-unknown-retries})
	 * @return the state written, or {@code null} when the table allowed neither (the
	 * account was recorded meanwhile)
	 */
	public @Nullable ProvisioningState recordUnknownOutcome(ObjectId userId, String reason, Duration backoff,
			int maxRetries) {
		Query waiting = byId(userId)
			.addCriteria(ProvisioningTransitions.stateAllowsMoveTo(ProvisioningState.OUTCOME_UNKNOWN))
			.addCriteria(new Criteria().orOperator(Criteria.where(UserFields.UNKNOWN_RETRIES).exists(false),
					Criteria.where(UserFields.UNKNOWN_RETRIES).lt(maxRetries)));
		if (maxRetries > 0 && this.mongoTemplate
			.updateFirst(waiting,
					history(new Update().set(UserFields.STATE, ProvisioningState.OUTCOME_UNKNOWN.name())
						.set(UserFields.LAST_ERROR, reason)
						.set(UserFields.NEXT_ATTEMPT_AT, Date.from(this.clock.instant().plus(backoff)))
						.currentDate(UserFields.UPDATED_AT), event(ProvisioningEvent.OUTCOME_UNKNOWN, reason)),
					UserFields.USERS)
			.getMatchedCount() == 1) {
			return ProvisioningState.OUTCOME_UNKNOWN;
		}
		return park(userId, reason) ? ProvisioningState.NEEDS_RECONCILIATION : null;
	}

	/**
	 * Parks a user whose Billstack outcome cannot be settled by the job.
	 * @param userId the user
	 * @param reason what the operator must check, without personal data
	 * @return whether the table allowed it
	 */
	public boolean park(ObjectId userId, String reason) {
		Query query = byId(userId)
			.addCriteria(ProvisioningTransitions.stateAllowsMoveTo(ProvisioningState.NEEDS_RECONCILIATION));
		return this.mongoTemplate
			.updateFirst(query,
					history(new Update().set(UserFields.STATE, ProvisioningState.NEEDS_RECONCILIATION.name())
						.set(UserFields.LAST_ERROR, reason)
						.set(UserFields.RECONCILIATION_REASON, reason)
						.currentDate(UserFields.RECONCILIATION_SINCE)
						.unset(UserFields.NEXT_ATTEMPT_AT)
						.currentDate(UserFields.UPDATED_AT), event(ProvisioningEvent.NEEDS_RECONCILIATION, reason)),
					UserFields.USERS)
			.getMatchedCount() == 1;
	}

	/**
	 * Leaves a user for a later run without a penalty (throttled, or time ran out between
	 * banks): no request is out and nothing was created.
	 * @param userId the user
	 * @param reason why, without personal data
	 * @return whether the table allowed it
	 */
	public boolean markDeferred(ObjectId userId, String reason) {
		Query query = byId(userId).addCriteria(ProvisioningTransitions.stateAllowsMoveTo(ProvisioningState.DEFERRED));
		return this.mongoTemplate
			.updateFirst(query,
					history(new Update().set(UserFields.STATE, ProvisioningState.DEFERRED.name())
						.set(UserFields.LAST_ERROR, reason)
						.unset(UserFields.NEXT_ATTEMPT_AT)
						.currentDate(UserFields.UPDATED_AT), event(ProvisioningEvent.DEFERRED, reason)),
					UserFields.USERS)
			.getMatchedCount() == 1;
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
	 * @return the time of the next attempt, or {@code null} when the table does not allow
	 * the failure (an account was recorded meanwhile: it is never overwritten)
	 */
	public @Nullable Date recordFailure(ObjectId userId, ProvisioningState state, String reason, Duration firstBackoff,
			Duration maxBackoff) {
		Document updated = this.mongoTemplate.findAndModify(
				byId(userId).addCriteria(ProvisioningTransitions.stateAllowsMoveTo(state)),
				history(new Update().inc(UserFields.ATTEMPTS, 1)
					.set(UserFields.STATE, state.name())
					.set(UserFields.LAST_ERROR, reason)
					.unset(UserFields.REQUEST)
					.set(UserFields.UPDATED_AT, now()), event(ProvisioningEvent.valueOf(state.name()), reason)),
				FindAndModifyOptions.options().returnNew(true), Document.class, UserFields.USERS);
		if (updated == null) {
			return null;
		}
		int attempts = UserRecord.from(updated).provisioning().attempts();
		Duration backoff = new BackoffPolicy(firstBackoff, maxBackoff).after(attempts);
		Date nextAttempt = Date.from(this.clock.instant().plus(backoff));
		this.mongoTemplate.updateFirst(byId(userId).addCriteria(Criteria.where(UserFields.STATE).is(state.name())),
				new Update().set(UserFields.NEXT_ATTEMPT_AT, nextAttempt), UserFields.USERS);
		return nextAttempt;
	}

	/**
	 * Marks users whose account document is written as provisioned, with the email
	 * pending unless it was already sent or failed for good. Only users with a recorded
	 * account move.
	 * @param userIds the users
	 */
	public void markProvisioned(Collection<ObjectId> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		Date now = now();
		Criteria movable = ProvisioningTransitions.stateAllowsMoveTo(ProvisioningState.PROVISIONED);
		// one round trip for both updates; the email first, while the state still tells
		// which users move
		this.mongoTemplate.bulkOps(BulkOperations.BulkMode.ORDERED, UserFields.USERS)
			.updateMulti(
					Query
						.query(Criteria.where(UserFields.ID)
							.in(userIds)
							.and(UserFields.NOTIFICATION)
							.nin(NotificationState.SENT.name(), NotificationState.FAILED.name()))
						.addCriteria(Criteria.where(UserFields.STATE).is(ProvisioningState.ACCOUNT_CREATED.name())),
					new Update().set(UserFields.NOTIFICATION, NotificationState.PENDING.name()))
			.updateMulti(Query.query(Criteria.where(UserFields.ID).in(userIds)).addCriteria(movable),
					history(new Update().set(UserFields.STATE, ProvisioningState.PROVISIONED.name())
						.set(UserFields.SOURCE, "JOB")
						.unset(UserFields.LAST_ERROR)
						.unset(UserFields.NEXT_ATTEMPT_AT)
						.unset(UserFields.REQUEST)
						.set(UserFields.UPDATED_AT, now), event(ProvisioningEvent.PROVISIONED)))
			.execute();
	}

	/**
	 * Marks users found to own an account created outside the job, so that they are never
	 * sent to Billstack and never take a place among a run's users. A user whose account
	 * the job created ({@link ProvisioningState#ACCOUNT_CREATED}) or whose request is out
	 * is left alone: the provisioning step finishes it, email included.
	 * @param userIds the users
	 */
	public void markExistingAccount(Collection<ObjectId> userIds) {
		if (userIds.isEmpty()) {
			return;
		}
		this.mongoTemplate.updateMulti(
				Query.query(Criteria.where(UserFields.ID).in(userIds))
					.addCriteria(ProvisioningTransitions.stateIn(ProvisioningTransitions.EXISTING_ACCOUNT_FROM)),
				history(new Update().set(UserFields.STATE, ProvisioningState.PROVISIONED.name())
					.set(UserFields.SOURCE, "EXISTING_ACCOUNT")
					.unset(UserFields.NEXT_ATTEMPT_AT)
					.set(UserFields.UPDATED_AT, now()), event(ProvisioningEvent.EXISTING_ACCOUNT)),
				UserFields.USERS);
	}

	/**
	 * Claims users for one run: the provisioning step reads exactly the users claimed by
	 * its run, a query that its own writes do not change, so paging never skips a user. A
	 * later run re-claims a user that an earlier one left unprocessed. Called only while
	 * the run holds the run lease (checked by its fence just before), so any other claim
	 * token on a user belongs to a run that no longer holds the lease; a parked user and
	 * a provisioned one are never claimed.
	 * @param userIds the users
	 * @param claimToken the run's claim token, unique across hosts and job repositories
	 */
	public void claim(Collection<ObjectId> userIds, String claimToken) {
		if (userIds.isEmpty()) {
			return;
		}
		this.mongoTemplate.updateMulti(
				Query.query(Criteria.where(UserFields.ID)
					.in(userIds)
					.and(UserFields.STATE)
					.nin(ProvisioningState.PROVISIONED.name(), ProvisioningState.NEEDS_RECONCILIATION.name())),
				history(new Update().set(UserFields.CLAIM_TOKEN, claimToken).set(UserFields.CLAIMED_AT, now()),
						event(ProvisioningEvent.CLAIMED).append("claimToken", claimToken)),
				UserFields.USERS);
	}

	/**
	 * Records the account an operator found in Billstack's dashboard for a parked user;
	 * the next run writes its {@code accounts} document and sends the email.
	 * @param userId the user
	 * @param account the account found
	 * @param by who resolved it
	 * @return whether the user was waiting for reconciliation (else nothing changed)
	 */
	public boolean resolveWithAccount(ObjectId userId, VirtualAccount account, String by) {
		Query query = byId(userId).addCriteria(stateIs(ProvisioningState.NEEDS_RECONCILIATION));
		return this.mongoTemplate
			.updateFirst(query,
					history(new Update().set(UserFields.STATE, ProvisioningState.ACCOUNT_CREATED.name())
						.set(UserFields.ACCOUNT, AccountDetails.toDocument(account))
						.unset(UserFields.LAST_ERROR)
						.unset(UserFields.NEXT_ATTEMPT_AT)
						.unset(UserFields.RECONCILIATION_REASON)
						.unset(UserFields.RECONCILIATION_SINCE)
						.push(UserFields.RESOLUTIONS, resolution("account recorded", by))
						.currentDate(UserFields.UPDATED_AT), resolvedEvent("account recorded", by)),
					UserFields.USERS)
			.getMatchedCount() == 1;
	}

	/**
	 * Releases a parked user for a fresh attempt at every bank: the operator checked that
	 * Billstack holds no account for it.
	 * @param userId the user
	 * @param by who released it
	 * @return whether the user was waiting for reconciliation (else nothing changed)
	 */
	public boolean release(ObjectId userId, String by) {
		Query query = byId(userId).addCriteria(stateIs(ProvisioningState.NEEDS_RECONCILIATION));
		return this.mongoTemplate
			.updateFirst(query,
					history(new Update().set(UserFields.STATE, ProvisioningState.DEFERRED.name())
						.unset(UserFields.REQUEST)
						.unset(UserFields.UNKNOWN_RETRIES)
						.unset(UserFields.NEXT_ATTEMPT_AT)
						.unset(UserFields.RECONCILIATION_REASON)
						.unset(UserFields.RECONCILIATION_SINCE)
						.set(UserFields.LAST_ERROR, "released by an operator")
						.push(UserFields.RESOLUTIONS, resolution("released", by))
						.currentDate(UserFields.UPDATED_AT), resolvedEvent("released", by)),
					UserFields.USERS)
			.getMatchedCount() == 1;
	}

	/**
	 * Dismisses the second accounts kept aside for a user (the operator dealt with them
	 * in Billstack's dashboard); the recorded account stays.
	 * @param userId the user
	 * @param by who dismissed them
	 * @return whether the user had accounts kept aside
	 */
	public boolean dismissConflictingAccounts(ObjectId userId, String by) {
		Query query = byId(userId).addCriteria(Criteria.where(UserFields.CONFLICTING_ACCOUNTS).exists(true));
		return this.mongoTemplate
			.updateFirst(query,
					history(new Update().unset(UserFields.CONFLICTING_ACCOUNTS)
						.unset(UserFields.RECONCILIATION_REASON)
						.unset(UserFields.RECONCILIATION_SINCE)
						.push(UserFields.RESOLUTIONS, resolution("second accounts dismissed", by))
						.currentDate(UserFields.UPDATED_AT), resolvedEvent("second accounts dismissed", by)),
					UserFields.USERS)
			.getMatchedCount() == 1;
	}

	/**
	 * The users an operator must look at: parked for reconciliation, or with a second
	 * account kept aside, oldest first.
	 * @param limit most users returned
	 * @return the users' ids and provisioning sub-documents (no personal data)
	 */
	public List<Document> needingReconciliation(int limit) {
		Query query = Query.query(needsReconciliation()).with(Sort.by(UserFields.ID)).limit(limit);
		query.fields().include(UserFields.ID, UserFields.PROVISIONING);
		return this.mongoTemplate.find(query, Document.class, UserFields.USERS);
	}

	/**
	 * Counts the users an operator must look at ({@link #needingReconciliation}).
	 * @return the count
	 */
	public long countNeedingReconciliation() {
		return this.mongoTemplate.count(Query.query(needsReconciliation()), UserFields.USERS);
	}

	private static Criteria needsReconciliation() {
		return new Criteria().orOperator(stateIs(ProvisioningState.NEEDS_RECONCILIATION),
				Criteria.where(UserFields.CONFLICTING_ACCOUNTS).exists(true));
	}

	/**
	 * Counts a run's users in one state.
	 * @param claimToken the run's claim token
	 * @param state the state
	 * @return the count
	 */
	public long countClaimed(String claimToken, ProvisioningState state) {
		return this.mongoTemplate.count(
				Query.query(Criteria.where(UserFields.CLAIM_TOKEN).is(claimToken)).addCriteria(stateIs(state)),
				UserFields.USERS);
	}

	private static Criteria stateIs(ProvisioningState state) {
		return Criteria.where(UserFields.STATE).is(state.name());
	}

	private Document resolution(String action, String by) {
		return new Document("action", action).append("by", by).append("at", now());
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
				history(new Update().set(UserFields.NOTIFICATION, NotificationState.SENT.name())
					.unset(UserFields.NOTIFICATION_ERROR)
					.set(UserFields.UPDATED_AT, now()), event(ProvisioningEvent.EMAIL_SENT)),
				UserFields.USERS);
	}

	/**
	 * Records that the account email can never be sent, so that no run tries it again.
	 * @param userId the user
	 * @param reason why, without personal data (an SMTP reply code, not the address)
	 */
	public void markEmailFailed(ObjectId userId, String reason) {
		update(userId, history(new Update().set(UserFields.NOTIFICATION, NotificationState.FAILED.name())
			.set(UserFields.NOTIFICATION_ERROR, reason), event(ProvisioningEvent.EMAIL_FAILED, reason)));
	}

	private void update(ObjectId userId, Update update) {
		this.mongoTemplate.updateFirst(byId(userId), update.set(UserFields.UPDATED_AT, now()), UserFields.USERS);
	}

	// the event rides on the state change's own update: no extra round trip
	private static Update history(Update update, Document event) {
		update.push(UserFields.HISTORY).slice(-UserFields.HISTORY_LIMIT).each(event);
		return update;
	}

	private Document event(ProvisioningEvent event) {
		return new Document("at", now()).append("event", event.name());
	}

	private Document event(ProvisioningEvent event, String detail) {
		return event(event).append("detail", detail);
	}

	private Document resolvedEvent(String action, String by) {
		return event(ProvisioningEvent.RESOLVED, action + " by " + by);
	}

	private static Query byId(ObjectId userId) {
		return Query.query(Criteria.where(UserFields.ID).is(userId));
	}

	private Date now() {
		return Date.from(this.clock.instant());
	}

}
