package ng.kinta.dedicatedaccounts.batch.explain;

import ng.kinta.dedicatedaccounts.batch.user.NotificationState;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningEvent;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import org.jspecify.annotations.Nullable;

/** The job's states and events in an operator's words. */
final class Wording {

	private Wording() {
	}

	static String state(@Nullable ProvisioningState state) {
		if (state == null) {
			return "not touched by the job yet";
		}
		return switch (state) {
			case REQUEST_SENT -> "a Billstack request is out (or its answer was lost)";
			case OUTCOME_UNKNOWN -> "Billstack's answer was lost; the same bank is asked again later";
			case NEEDS_RECONCILIATION -> "waits for an operator to check Billstack's dashboard";
			case ACCOUNT_CREATED -> "Billstack created the account; the accounts document and email follow";
			case PROVISIONED -> "has a dedicated account";
			case FAILED -> "every bank refused; tried again after the back-off";
			case DEFERRED -> "left for a later run without a penalty";
			case UNUSABLE_RECORD -> "the record lacks a field the job needs; tried again after the back-off";
		};
	}

	static String email(NotificationState state) {
		return switch (state) {
			case PENDING -> "email pending (the next run sends it)";
			case SENT -> "email sent";
			case FAILED -> "email failed for good";
		};
	}

	static String event(String event) {
		ProvisioningEvent known = null;
		for (ProvisioningEvent candidate : ProvisioningEvent.values()) {
			if (candidate.name().equals(event)) {
				known = candidate;
			}
		}
		if (known == null) {
			return event;
		}
		return switch (known) {
			case CLAIMED -> "claimed by a run";
			case PROVISIONED -> "account written to accounts";
			case EXISTING_ACCOUNT -> "found to own an account already";
			case REQUEST_SENT -> "request sent";
			case ACCOUNT_CREATED -> "account created";
			case SECOND_ACCOUNT -> "second account returned (kept aside)";
			case OUTCOME_UNKNOWN -> "answer lost (outcome unknown)";
			case NEEDS_RECONCILIATION -> "parked for an operator";
			case DEFERRED -> "left for a later run";
			case FAILED -> "refused by every bank";
			case UNUSABLE_RECORD -> "record unusable";
			case EMAIL_SENT -> "email sent";
			case EMAIL_FAILED -> "email failed for good";
			case RESOLVED -> "resolved by an operator";
		};
	}

}
