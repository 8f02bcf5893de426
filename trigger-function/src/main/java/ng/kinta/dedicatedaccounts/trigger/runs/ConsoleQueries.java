package ng.kinta.dedicatedaccounts.trigger.runs;

import java.util.ArrayList;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.user.EligibleUsers;
import ng.kinta.dedicatedaccounts.batch.user.NotificationState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import org.bson.Document;

import org.springframework.context.annotation.Conditional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the console reads from MongoDB now (the run history says what runs saw): the users
 * waiting, the emails pending, the accounts the job created per bank and the users
 * failing per reason. Counts only, never personal data.
 */
@Component
@Conditional(RunsEnabledCondition.class)
class ConsoleQueries {

	private static final int REASONS = 8;

	private static final int BANKS = 20;

	private final MongoTemplate mongoTemplate;

	private final EligibleUsers eligibleUsers;

	ConsoleQueries(MongoTemplate mongoTemplate, EligibleUsers eligibleUsers) {
		this.mongoTemplate = mongoTemplate;
		this.eligibleUsers = eligibleUsers;
	}

	/**
	 * Active, email-verified users without a known account.
	 * @return the count
	 */
	long usersWaiting() {
		return this.eligibleUsers.countWithoutAccount();
	}

	/**
	 * Account emails still to be sent.
	 * @return the count
	 */
	long emailsPending() {
		return this.mongoTemplate.count(
				Query.query(Criteria.where(UserFields.NOTIFICATION).is(NotificationState.PENDING.name())),
				UserFields.USERS);
	}

	/**
	 * Accounts the job created, per bank.
	 * @return bank name and count, most accounts first
	 */
	List<Count> accountsByBank() {
		return group(Criteria.where(UserFields.STATE)
			.is(ProvisioningState.PROVISIONED.name())
			.and(UserFields.SOURCE)
			.is("JOB"), UserFields.ACCOUNT + ".bankName", BANKS);
	}

	/**
	 * Users failing now (every bank refused, or an unusable record), per reason.
	 * @return the reason and its count, the most frequent first (at most 8)
	 */
	List<Count> failuresByReason() {
		return group(
				Criteria.where(UserFields.STATE)
					.in(ProvisioningState.FAILED.name(), ProvisioningState.UNUSABLE_RECORD.name()),
				UserFields.LAST_ERROR, REASONS);
	}

	private List<Count> group(Criteria criteria, String field, int limit) {
		Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(criteria),
				Aggregation.group(field).count().as("count"), Aggregation.sort(Sort.Direction.DESC, "count"),
				Aggregation.limit(limit));
		List<Count> counts = new ArrayList<>();
		for (Document group : this.mongoTemplate.aggregate(aggregation, UserFields.USERS, Document.class)) {
			Object key = group.get("_id");
			counts.add(new Count((key != null) ? key.toString() : "(none)", ((Number) group.get("count")).longValue()));
		}
		return counts;
	}

	/**
	 * A label and its count.
	 *
	 * @param label what is counted
	 * @param count how many
	 */
	record Count(String label, long count) {
	}

}
