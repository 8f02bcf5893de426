package ng.kinta.dedicatedaccounts.batch.explain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The users an operator must settle (docs/OPERATIONS.md, "Reconciliation"): parked
 * because Billstack's outcome stayed unknown, or holding a second account kept aside; and
 * the operator's resolutions, each recorded with who and when. Names users by id only.
 */
@Component
public class ReconciliationQueue {

	/** What to check in Billstack's dashboard for a waiting user. */
	public static final String WHAT_TO_CHECK = "In Billstack's dashboard, look up the reserved accounts by the"
			+ " reference (or the customer's email): an account there means record it; none means release the user.";

	private final ProvisioningStateRepository provisioningState;

	ReconciliationQueue(ProvisioningStateRepository provisioningState) {
		this.provisioningState = provisioningState;
	}

	/**
	 * The waiting users, oldest id first.
	 * @param limit most users returned
	 * @return the users
	 */
	public List<WaitingUser> waiting(int limit) {
		List<WaitingUser> users = new ArrayList<>();
		for (Document user : this.provisioningState.needingReconciliation(limit)) {
			users.add(WaitingUser.from(user));
		}
		return List.copyOf(users);
	}

	/**
	 * Counts the waiting users.
	 * @return the count
	 */
	public long count() {
		return this.provisioningState.countNeedingReconciliation();
	}

	/**
	 * Records the account an operator found for a parked user; the next run writes its
	 * {@code accounts} document and emails the user, without a Billstack request.
	 * @param userId the user's id (24 hex digits)
	 * @param account the account found
	 * @param by who resolves it
	 * @return whether the user was waiting for reconciliation (else nothing changed)
	 * @throws IllegalArgumentException when {@code userId} is not an ObjectId
	 */
	public boolean recordAccount(String userId, FoundAccount account, String by) {
		return this.provisioningState.resolveWithAccount(new ObjectId(userId), new VirtualAccount(account.accountName(),
				account.accountNumber(), userId, account.bank(),
				(account.bankName() != null && !account.bankName().isBlank()) ? account.bankName() : account.bank()),
				by);
	}

	/**
	 * Releases a parked user for a fresh attempt at every bank.
	 * @param userId the user's id (24 hex digits)
	 * @param by who resolves it
	 * @return whether the user was waiting for reconciliation (else nothing changed)
	 * @throws IllegalArgumentException when {@code userId} is not an ObjectId
	 */
	public boolean release(String userId, String by) {
		return this.provisioningState.release(new ObjectId(userId), by);
	}

	/**
	 * Dismisses the second accounts kept aside for a user.
	 * @param userId the user's id (24 hex digits)
	 * @param by who resolves it
	 * @return whether the user had accounts kept aside
	 * @throws IllegalArgumentException when {@code userId} is not an ObjectId
	 */
	public boolean dismiss(String userId, String by) {
		return this.provisioningState.dismissConflictingAccounts(new ObjectId(userId), by);
	}

	/**
	 * An account found in Billstack's dashboard.
	 *
	 * @param accountNumber the account number
	 * @param bank the Billstack bank value, e.g. {@code PALMPAY}
	 * @param bankName the bank's display name, or {@code null} for the bank value
	 * @param accountName the account name Billstack shows
	 */
	public record FoundAccount(String accountNumber, String bank, @Nullable String bankName, String accountName) {
	}

	/**
	 * A user waiting for an operator.
	 *
	 * @param userId the user's id
	 * @param state the provisioning state
	 * @param bank the bank of the last request, or {@code null}
	 * @param reference the reference of the last request, or {@code null}
	 * @param sentAt when the last request was sent, or {@code null}
	 * @param reason why the user waits
	 * @param since since when, or {@code null}
	 * @param conflictingAccounts second accounts kept aside
	 */
	public record WaitingUser(String userId, @Nullable String state, @Nullable String bank, @Nullable String reference,
			@Nullable Instant sentAt, @Nullable String reason, @Nullable Instant since, int conflictingAccounts) {

		static WaitingUser from(Document user) {
			Document provisioning = (user.get(UserFields.PROVISIONING) instanceof Document nested) ? nested
					: new Document();
			Document request = (provisioning.get("request") instanceof Document nested) ? nested : new Document();
			Object id = user.get(UserFields.ID);
			return new WaitingUser((id instanceof ObjectId objectId) ? objectId.toHexString() : String.valueOf(id),
					string(provisioning.get("state")), string(request.get("bank")), string(request.get("reference")),
					instant(request.get("sentAt")), string(provisioning.get("reconciliationReason")),
					instant(provisioning.get("reconciliationSince")),
					(provisioning.get("conflictingAccounts") instanceof List<?> accounts) ? accounts.size() : 0);
		}

		private static @Nullable String string(@Nullable Object value) {
			return (value instanceof String text) ? text : null;
		}

		private static @Nullable Instant instant(@Nullable Object value) {
			return (value instanceof Date date) ? date.toInstant() : null;
		}

	}

}
