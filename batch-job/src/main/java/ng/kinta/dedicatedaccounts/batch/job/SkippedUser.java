package ng.kinta.dedicatedaccounts.batch.job;

import java.io.Serializable;
import java.time.Instant;

/**
 * A user the provisioning step skipped, as kept in that step's execution context (key
 * {@link RunContextKeys#SKIPPED_USERS}) so the run history and the operator alerts can
 * name them after the run. Holds no personal data: the user is named by id only.
 *
 * @param userId the user's id (hex {@code ObjectId})
 * @param state {@code FAILED} (every bank failed) or {@code UNUSABLE_RECORD} (missing
 * email, name or phone)
 * @param reason why, without personal data
 * @param nextAttemptAt when a later run tries the user again, or {@code null} when
 * unknown
 * @param attempts failed attempts of the user so far, this one included (0 when unknown);
 * each run tries a user at most once, so this is also the number of runs in a row in
 * which the user failed
 */
public record SkippedUser(String userId, String state, String reason, Instant nextAttemptAt,
		int attempts) implements Serializable {

	private static final long serialVersionUID = 1L;

}
