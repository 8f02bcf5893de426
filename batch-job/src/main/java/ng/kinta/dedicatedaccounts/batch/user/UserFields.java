package ng.kinta.dedicatedaccounts.batch.user;

/**
 * Field names of the existing app's {@code users} and {@code accounts} collections
 * (written by its Mongoose models; see {@code docs/DATA-MODEL.md}), and of the job's own
 * provisioning state kept on each user under {@value #PROVISIONING}.
 */
public final class UserFields {

	/** The existing app's {@code users} collection. */
	public static final String USERS = "users";

	/** The existing app's {@code accounts} collection. */
	public static final String ACCOUNTS = "accounts";

	/** Document id (an ObjectId for the app's users). */
	public static final String ID = "_id";

	/** The user's full name as entered. */
	public static final String FULL_NAME = "fullName";

	/** Sub-document with the user's credentials (only the email is read). */
	public static final String AUTH = "auth";

	/** Email field inside {@value #AUTH}. */
	public static final String AUTH_EMAIL = "email";

	/** The user's email (may carry stray case or spaces). */
	public static final String EMAIL = AUTH + "." + AUTH_EMAIL;

	/** The user's phone number, in any of the app's formats. */
	public static final String PHONE_NUMBER = "phoneNumber";

	/** {@code "active"} or {@code "inactive"}. */
	public static final String STATUS = "status";

	/** Value of {@value #STATUS} for an active user. */
	public static final String ACTIVE = "active";

	/** Whether the user verified their email. */
	public static final String EMAIL_VERIFIED = "isEmailVerified";

	/** Sub-document holding the job's provisioning state of one user. */
	public static final String PROVISIONING = "accountProvisioning";

	/** {@link ProvisioningState} of the user. */
	public static final String STATE = PROVISIONING + ".state";

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

	/** Where the account came from: {@code JOB} or {@code EXISTING_ACCOUNT}. */
	public static final String SOURCE = PROVISIONING + ".source";

	/** Last change of the provisioning state by the job. */
	public static final String UPDATED_AT = PROVISIONING + ".updatedAt";

	/** Owner of an {@code accounts} document: ObjectId, hex id or email. */
	public static final String ACCOUNT_USER = "user";

	/** {@code true} on a real account, {@code false} on a signup placeholder. */
	public static final String HAS_DEDICATED_ACCOUNT = "hasDedicatedAccountNumber";

	private UserFields() {
	}

}
