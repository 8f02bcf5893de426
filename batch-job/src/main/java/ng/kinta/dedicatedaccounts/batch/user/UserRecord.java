package ng.kinta.dedicatedaccounts.batch.user;

import java.time.Instant;
import java.util.Date;

import ng.kinta.dedicatedaccounts.batch.account.AccountDetails;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * A {@code users} document as the job reads it: the fields Billstack and the email need,
 * as stored (not validated yet, see {@link Customer#from}), and the job's provisioning
 * state. The item the provisioning step reads.
 * <p>
 * Read leniently by {@link #from(Document)}: a value of the wrong BSON type reads as
 * {@code null}, so one malformed document is skipped with a reason instead of failing the
 * page it was read with.
 *
 * @param id the user's id ({@code _id}), {@code null} when it is not an ObjectId
 * @param fullName {@code fullName} as stored, or {@code null}
 * @param email {@code auth.email} as stored, or {@code null}
 * @param phoneNumber {@code phoneNumber} as stored, or {@code null}
 * @param provisioning the job's state ({@value UserFields#PROVISIONING}), never
 * {@code null}
 */
public record UserRecord(ObjectId id, String fullName, String email, String phoneNumber, Provisioning provisioning) {

	/**
	 * Reads a {@code users} document (only the fields present are read).
	 * @param user the document
	 * @return the record; fields missing or of another type are {@code null}
	 */
	public static UserRecord from(Document user) {
		ObjectId id = (user.get(UserFields.ID) instanceof ObjectId objectId) ? objectId : null;
		Document auth = document(user, UserFields.AUTH);
		return new UserRecord(id, string(user, UserFields.FULL_NAME),
				(auth != null) ? string(auth, UserFields.AUTH_EMAIL) : null, string(user, UserFields.PHONE_NUMBER),
				Provisioning.from(document(user, UserFields.PROVISIONING)));
	}

	private static String string(Document document, String key) {
		return (document.get(key) instanceof String text) ? text : null;
	}

	private static Document document(Document document, String key) {
		return (document.get(key) instanceof Document nested) ? nested : null;
	}

	@Override
	public String toString() {
		return "UserRecord[id=" + ((this.id != null) ? this.id.toHexString() : null) + "]";
	}

	/**
	 * A Billstack request marker ({@value UserFields#REQUEST}): written before the
	 * request is sent.
	 *
	 * @param bank the bank asked
	 * @param reference the reference sent
	 * @param sentAt when it was sent (MongoDB's clock), or {@code null}
	 * @param claimToken the claim token of the run that sent it, or {@code null}
	 */
	public record Request(String bank, String reference, Instant sentAt, String claimToken) {
	}

	/**
	 * The job's provisioning state of one user ({@value UserFields#PROVISIONING}).
	 *
	 * @param state where the user stands, {@code null} before the job's first attempt
	 * @param attempts failed attempts so far (0 when none)
	 * @param nextAttemptAt the user is not tried again before this time; {@code null}
	 * when not backing off
	 * @param account the account Billstack created, once recorded, else {@code null}
	 * @param notification whether the account email went out, {@code null} before an
	 * account exists
	 * @param claimToken the claim token of the run that claimed the user, or {@code null}
	 * @param request the last Billstack request marker, or {@code null}
	 * @param unknownRetries requests repeated after an unknown outcome
	 */
	public record Provisioning(ProvisioningState state, int attempts, Instant nextAttemptAt, VirtualAccount account,
			NotificationState notification, String claimToken, Request request, int unknownRetries) {

		/** The state of a user the job never touched. */
		public static final Provisioning NONE = new Provisioning(null, 0, null, null, null, null, null, 0);

		/**
		 * Shorthand without claim, request or unknown retries.
		 * @param state the state
		 * @param attempts failed attempts
		 * @param nextAttemptAt next attempt, or {@code null}
		 * @param account the account, or {@code null}
		 * @param notification the email state, or {@code null}
		 */
		public Provisioning(ProvisioningState state, int attempts, Instant nextAttemptAt, VirtualAccount account,
				NotificationState notification) {
			this(state, attempts, nextAttemptAt, account, notification, null, null, 0);
		}

		/**
		 * Whether the user may be tried now, or is still backing off after a failure.
		 * @param now the current time
		 * @return {@code true} when no next attempt is set or its time has come
		 */
		public boolean isDueAt(Instant now) {
			return this.nextAttemptAt == null || !this.nextAttemptAt.isAfter(now);
		}

		/**
		 * Whether the account email went out.
		 * @return {@code true} when {@link NotificationState#SENT}
		 */
		public boolean emailSent() {
			return this.notification == NotificationState.SENT;
		}

		static Provisioning from(Document provisioning) {
			if (provisioning == null) {
				return NONE;
			}
			Instant nextAttemptAt = (provisioning.get("nextAttemptAt") instanceof Date next) ? next.toInstant() : null;
			int attempts = (provisioning.get("attempts") instanceof Number number) ? number.intValue() : 0;
			VirtualAccount account = (provisioning.get("account") instanceof Document details)
					? AccountDetails.fromDocument(details) : null;
			Request request = null;
			if (provisioning.get("request") instanceof Document marker && marker.get("bank") instanceof String bank
					&& marker.get("reference") instanceof String reference) {
				request = new Request(bank, reference,
						(marker.get("sentAt") instanceof Date sentAt) ? sentAt.toInstant() : null,
						(marker.get("claimToken") instanceof String token) ? token : null);
			}
			int unknownRetries = (provisioning.get("unknownRetries") instanceof Number number) ? number.intValue() : 0;
			return new Provisioning(constant(ProvisioningState.class, provisioning.get("state")), attempts,
					nextAttemptAt, account, constant(NotificationState.class, provisioning.get("notification")),
					(provisioning.get("claimToken") instanceof String claim) ? claim : null, request, unknownRetries);
		}

		private static <E extends Enum<E>> E constant(Class<E> type, Object value) {
			if (value instanceof String name) {
				for (E constant : type.getEnumConstants()) {
					if (constant.name().equals(name)) {
						return constant;
					}
				}
			}
			return null;
		}

	}

}
