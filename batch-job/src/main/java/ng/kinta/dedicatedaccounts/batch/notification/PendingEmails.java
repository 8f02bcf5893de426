package ng.kinta.dedicatedaccounts.batch.notification;

import java.util.ArrayList;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.user.Customer;
import ng.kinta.dedicatedaccounts.batch.user.NotificationState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.UnusableUserRecordException;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Finds provisioned users whose account email has not gone out yet. */
@Component
public class PendingEmails {

	private static final Logger logger = LoggerFactory.getLogger(PendingEmails.class);

	private final MongoTemplate mongoTemplate;

	PendingEmails(MongoTemplate mongoTemplate) {
		this.mongoTemplate = mongoTemplate;
	}

	/**
	 * Counts the account emails waiting to be sent.
	 * @return the count
	 */
	public long count() {
		return this.mongoTemplate.count(Query.query(pending()), UserFields.USERS);
	}

	/**
	 * The oldest pending emails, in {@code _id} order.
	 * @param limit most emails to return
	 * @return the emails, without those whose user record became unusable
	 */
	public List<Pending> find(int limit) {
		Query query = Query.query(pending()).with(Sort.by(UserFields.ID)).limit(limit);
		query.fields()
			.include(UserFields.ID, UserFields.FULL_NAME, UserFields.EMAIL, UserFields.PHONE_NUMBER,
					UserFields.ACCOUNT);
		List<Pending> result = new ArrayList<>();
		for (Document user : this.mongoTemplate.find(query, Document.class, UserFields.USERS)) {
			ObjectId id = user.getObjectId(UserFields.ID);
			Document account = (user.get(UserFields.PROVISIONING) instanceof Document provisioning
					&& provisioning.get("account") instanceof Document details) ? details : null;
			if (account == null) {
				continue;
			}
			try {
				Customer customer = Customer.from(user);
				result.add(new Pending(id,
						new AccountEmail(customer.email(), customer.name().firstName(),
								account.getString("accountNumber"), account.getString("accountName"),
								account.getString("bankName"))));
			}
			catch (UnusableUserRecordException ex) {
				logger.warn("User {}: pending account email not sent: {}", id.toHexString(), ex.getMessage());
			}
		}
		return result;
	}

	private static Criteria pending() {
		return Criteria.where(UserFields.STATE)
			.is(ProvisioningState.PROVISIONED.name())
			.and(UserFields.NOTIFICATION)
			.is(NotificationState.PENDING.name());
	}

	/**
	 * One pending email.
	 *
	 * @param userId the user
	 * @param email what to send
	 */
	public record Pending(ObjectId userId, AccountEmail email) {
	}

}
