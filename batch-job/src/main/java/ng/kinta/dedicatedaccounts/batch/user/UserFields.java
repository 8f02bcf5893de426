package ng.kinta.dedicatedaccounts.batch.user;

/**
 * Field names of the existing app's {@code users} collection (written by its Mongoose
 * models; see docs/DATA-MODEL.md), and of the job's own provisioning state kept on each
 * user under {@value #PROVISIONING}.
 */
public final class UserFields {

	/** The users collection. */
	public static final String USERS = "users";

	/** The user's id, an ObjectId in the app's data. */
	public static final String ID = "_id";

	/** The name as the user typed it. */
	public static final String FULL_NAME = "fullName";

	/** Sub-document of login data (the job reads only its email). */
	public static final String AUTH = "auth";

	/** The email, inside {@value #AUTH}. */
	public static final String AUTH_EMAIL = "email";

	/** Path of the email: unique, but may carry stray case or spaces. */
	public static final String EMAIL = AUTH + "." + AUTH_EMAIL;

	/** The phone number as the user typed it. */
	public static final String PHONE_NUMBER = "phoneNumber";

	/** {@value #ACTIVE} or {@code inactive}. */
	public static final String STATUS = "status";

	/** The status of a user who may get an account. */
	public static final String ACTIVE = "active";

	/** Whether the user verified the email. */
	public static final String EMAIL_VERIFIED = "isEmailVerified";

	/** When the app created the user (a date). */
	public static final String CREATED_AT = "createdAt";

	/** Sub-document holding the job's provisioning state of one user. */
	public static final String PROVISIONING = "accountProvisioning";

	/** {@link ProvisioningState} of the user. */
	public static final String STATE = PROVISIONING + ".state";

	/**
	 * The Billstack request out, written before it is sent: {@value #REQUEST_BANK},
	 * {@value #REQUEST_REFERENCE}, {@value #REQUEST_SENT_AT} and
	 * {@value #REQUEST_CLAIM_TOKEN}.
	 */
	public static final String REQUEST = PROVISIONING + ".request";

	/** Bank of the request out. */
	public static final String REQUEST_BANK = REQUEST + ".bank";

	/** Reference of the request out. */
	public static final String REQUEST_REFERENCE = REQUEST + ".reference";

	/** When the request was sent (MongoDB's clock). */
	public static final String REQUEST_SENT_AT = REQUEST + ".sentAt";

	/** Claim token of the run that sent it. */
	public static final String REQUEST_CLAIM_TOKEN = REQUEST + ".claimToken";

	/** Requests repeated after an unknown outcome (at most the configured retries). */
	public static final String UNKNOWN_RETRIES = PROVISIONING + ".unknownRetries";

	/** Why the user needs reconciliation (never personal data). */
	public static final String RECONCILIATION_REASON = PROVISIONING + ".reconciliationReason";

	/** When the user was parked for reconciliation. */
	public static final String RECONCILIATION_SINCE = PROVISIONING + ".reconciliationSince";

	/** Accounts that arrived after another one was recorded; kept for an operator. */
	public static final String CONFLICTING_ACCOUNTS = PROVISIONING + ".conflictingAccounts";

	/**
	 * The user's last {@value #HISTORY_LIMIT} {@link ProvisioningEvent}s, oldest first:
	 * {@code at}, {@code event}, and where they apply {@code bank}, {@code reference},
	 * {@code claimToken} (the run) and {@code detail} (a reason, never personal data).
	 */
	public static final String HISTORY = PROVISIONING + ".history";

	/** Events kept in {@value #HISTORY}; older ones are dropped. */
	public static final int HISTORY_LIMIT = 30;

	/** Resolutions by operators: action, by whom, when. */
	public static final String RESOLUTIONS = PROVISIONING + ".resolutions";

	/**
	 * Claim token of the run that claimed the user (job parameter
	 * {@code run.claim-token}).
	 */
	public static final String CLAIM_TOKEN = PROVISIONING + ".claimToken";

	/** When the user was last claimed. */
	public static final String CLAIMED_AT = PROVISIONING + ".claimedAt";

	/** Failed attempts so far (every bank failed, or unusable record). */
	public static final String ATTEMPTS = PROVISIONING + ".attempts";

	/** Reason of the last failure (never personal data). */
	public static final String LAST_ERROR = PROVISIONING + ".lastError";

	/** The user is not tried again before this time. */
	public static final String NEXT_ATTEMPT_AT = PROVISIONING + ".nextAttemptAt";

	/** The account Billstack created, recorded as soon as Billstack answered. */
	public static final String ACCOUNT = PROVISIONING + ".account";

	/** {@link NotificationState} of the account email. */
	public static final String NOTIFICATION = PROVISIONING + ".notification";

	/**
	 * Why the account email failed for good (an SMTP reply code, never the address).
	 */
	public static final String NOTIFICATION_ERROR = PROVISIONING + ".notificationError";

	/** Where the account came from: {@code JOB} or {@code EXISTING_ACCOUNT}. */
	public static final String SOURCE = PROVISIONING + ".source";

	/** Last change of the provisioning state by the job. */
	public static final String UPDATED_AT = PROVISIONING + ".updatedAt";

	private UserFields() {
	}

}
