package ng.kinta.dedicatedaccounts.batch.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.schema.JsonSchemaObject;

/**
 * The one table of the transitions a user's {@link ProvisioningState} may take. Every
 * write of the state in {@link ProvisioningStateRepository} is a compare-and-set whose
 * condition comes from {@link #from(ProvisioningState)}: a write that the table does not
 * allow matches no document and changes nothing.
 * <p>
 * {@code null} stands for a user the job never touched (no state yet).
 */
public final class ProvisioningTransitions {

	private static final Map<ProvisioningState, Set<@Nullable ProvisioningState>> ALLOWED_FROM = new EnumMap<>(
			ProvisioningState.class);

	static {
		// a fresh attempt: from a user with no request out
		allow(ProvisioningState.REQUEST_SENT, null, ProvisioningState.FAILED, ProvisioningState.DEFERRED,
				ProvisioningState.UNUSABLE_RECORD,
				// the next bank or a retry at the same bank after a definite refusal
				ProvisioningState.REQUEST_SENT,
				// the one retry of an unknown outcome, same bank and reference
				ProvisioningState.OUTCOME_UNKNOWN);
		allow(ProvisioningState.OUTCOME_UNKNOWN, ProvisioningState.REQUEST_SENT, ProvisioningState.OUTCOME_UNKNOWN);
		allow(ProvisioningState.NEEDS_RECONCILIATION, ProvisioningState.REQUEST_SENT, ProvisioningState.OUTCOME_UNKNOWN,
				ProvisioningState.NEEDS_RECONCILIATION);
		// an answer may arrive late, after the outcome was declared unknown, the user
		// parked or released: an account Billstack made is recorded whenever it arrives,
		// unless one is already recorded
		allow(ProvisioningState.ACCOUNT_CREATED, null, ProvisioningState.REQUEST_SENT,
				ProvisioningState.OUTCOME_UNKNOWN, ProvisioningState.NEEDS_RECONCILIATION, ProvisioningState.FAILED,
				ProvisioningState.DEFERRED, ProvisioningState.UNUSABLE_RECORD);
		allow(ProvisioningState.PROVISIONED, ProvisioningState.ACCOUNT_CREATED, ProvisioningState.PROVISIONED);
		allow(ProvisioningState.FAILED, ProvisioningState.REQUEST_SENT);
		allow(ProvisioningState.DEFERRED, null, ProvisioningState.REQUEST_SENT, ProvisioningState.FAILED,
				ProvisioningState.DEFERRED, ProvisioningState.UNUSABLE_RECORD,
				// an operator releases a parked user for a fresh attempt
				ProvisioningState.NEEDS_RECONCILIATION);
		allow(ProvisioningState.UNUSABLE_RECORD, null, ProvisioningState.FAILED, ProvisioningState.DEFERRED,
				ProvisioningState.UNUSABLE_RECORD);
	}

	/**
	 * States from which a user found to own an {@code accounts} document (made outside
	 * the job) is marked {@link ProvisioningState#PROVISIONED} without an email. Never
	 * {@link ProvisioningState#ACCOUNT_CREATED} (that user's email is still due) nor a
	 * state with a request out.
	 */
	static final Set<@Nullable ProvisioningState> EXISTING_ACCOUNT_FROM = states(null, ProvisioningState.FAILED,
			ProvisioningState.DEFERRED, ProvisioningState.UNUSABLE_RECORD, ProvisioningState.NEEDS_RECONCILIATION,
			ProvisioningState.OUTCOME_UNKNOWN);

	private ProvisioningTransitions() {
	}

	/**
	 * The states a user may be in to move to {@code target}.
	 * @param target the new state
	 * @return the allowed current states ({@code null}: no state yet)
	 */
	public static Set<@Nullable ProvisioningState> from(ProvisioningState target) {
		return Collections.unmodifiableSet(ALLOWED_FROM.getOrDefault(target, Set.of()));
	}

	/**
	 * Whether a user in {@code current} may move to {@code target}.
	 * @param current the current state, {@code null} before the first attempt
	 * @param target the new state
	 * @return whether the table allows it
	 */
	public static boolean allows(@Nullable ProvisioningState current, ProvisioningState target) {
		return from(target).contains(current);
	}

	/**
	 * The condition on the stored state for moving to {@code target}.
	 * @param target the new state
	 * @return criteria on {@link UserFields#STATE}
	 */
	static Criteria stateAllowsMoveTo(ProvisioningState target) {
		return stateIn(from(target));
	}

	static Criteria stateIn(Set<@Nullable ProvisioningState> states) {
		List<String> names = new ArrayList<>();
		for (ProvisioningState state : states) {
			if (state != null) {
				names.add(state.name());
			}
		}
		if (!states.contains(null)) {
			return Criteria.where(UserFields.STATE).in(names);
		}
		// no state yet: missing, null, or a value the job never wrote (not a string)
		names.add(null);
		return new Criteria().orOperator(Criteria.where(UserFields.STATE).in(names),
				Criteria.where(UserFields.STATE).not().type(JsonSchemaObject.Type.STRING));
	}

	private static void allow(ProvisioningState target, @Nullable ProvisioningState... from) {
		ALLOWED_FROM.put(target, states(from));
	}

	private static Set<@Nullable ProvisioningState> states(@Nullable ProvisioningState... states) {
		Set<@Nullable ProvisioningState> set = new HashSet<>();
		Collections.addAll(set, states);
		return Collections.unmodifiableSet(set);
	}

}
