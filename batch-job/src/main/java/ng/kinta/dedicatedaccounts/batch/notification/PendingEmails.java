package ng.kinta.dedicatedaccounts.batch.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.user.MailAddress;
import ng.kinta.dedicatedaccounts.batch.user.NotificationState;
import ng.kinta.dedicatedaccounts.batch.user.PersonName;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
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

	private final ProvisioningStateRepository provisioningState;

	PendingEmails(MongoTemplate mongoTemplate, ProvisioningStateRepository provisioningState) {
		this.mongoTemplate = mongoTemplate;
		this.provisioningState = provisioningState;
	}

	/**
	 * Counts the account emails waiting to be sent.
	 * @return the count
	 */
	public long count() {
		return this.mongoTemplate.count(Query.query(pending()), UserFields.USERS);
	}

	/**
	 * The oldest pending emails, in {@code _id} order. An email needs only the address
	 * and a first name; one that can never be sent (no usable address, no account) is
	 * marked failed with its reason, so it never holds a place among the pending ones.
	 * @param limit most emails to return
	 * @return the emails
	 */
	public List<Pending> find(int limit) {
		List<Pending> result = new ArrayList<>();
		ObjectId after = null;
		while (result.size() < limit) {
			Criteria criteria = pending();
			if (after != null) {
				criteria = criteria.and(UserFields.ID).gt(after);
			}
			Query query = Query.query(criteria).with(Sort.by(UserFields.ID)).limit(limit - result.size());
			query.fields().include(UserFields.ID, UserFields.FULL_NAME, UserFields.EMAIL, UserFields.ACCOUNT);
			List<Document> page = this.mongoTemplate.find(query, Document.class, UserFields.USERS);
			if (page.isEmpty()) {
				break;
			}
			for (Document document : page) {
				toPending(UserRecord.from(document)).ifPresent(result::add);
			}
			after = page.get(page.size() - 1).getObjectId(UserFields.ID);
		}
		return result;
	}

	private Optional<Pending> toPending(UserRecord user) {
		VirtualAccount account = user.provisioning().account();
		String reason;
		if (account == null) {
			reason = "no account recorded on the user";
		}
		else {
			try {
				if (user.email() == null || user.email().isBlank()) {
					throw new UnusableUserRecordException("missing auth.email");
				}
				String firstName = PersonName.parse(user.fullName()).map(PersonName::firstName).orElse("Customer");
				return Optional.of(new Pending(user.id(),
						AccountEmail.of(MailAddress.normalize(user.email()), firstName, account)));
			}
			catch (UnusableUserRecordException ex) {
				reason = ex.getMessage();
			}
		}
		logger.warn("User {}: pending account email can never be sent, marked failed: {}", user.id().toHexString(),
				reason);
		this.provisioningState.markEmailFailed(user.id(), reason);
		return Optional.empty();
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
