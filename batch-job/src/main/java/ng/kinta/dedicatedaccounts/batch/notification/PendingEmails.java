package ng.kinta.dedicatedaccounts.batch.notification;

import java.util.ArrayList;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.user.Customer;
import ng.kinta.dedicatedaccounts.batch.user.NotificationState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.UnusableUserRecordException;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import ng.kinta.dedicatedaccounts.batch.user.UserRecord;
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
		for (Document document : this.mongoTemplate.find(query, Document.class, UserFields.USERS)) {
			UserRecord user = UserRecord.from(document);
			VirtualAccount account = user.provisioning().account();
			if (account == null) {
				continue;
			}
			try {
				Customer customer = Customer.from(user);
				result.add(new Pending(user.id(),
						AccountEmail.of(customer.email(), customer.name().firstName(), account)));
			}
			catch (UnusableUserRecordException ex) {
				logger.warn("User {}: pending account email not sent: {}", user.id(), ex.getMessage());
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
