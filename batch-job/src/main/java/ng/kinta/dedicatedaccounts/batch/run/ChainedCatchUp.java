package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Duration;
import java.time.Instant;

/**
 * A catch-up run chained after a job execution: the delayed message published to QStash,
 * recorded on that execution so that it is never published twice.
 *
 * @param messageId QStash's id of the published message
 * @param delay the message's delay
 * @param publishedAt when it was published
 */
public record ChainedCatchUp(String messageId, Duration delay, Instant publishedAt) {
}
