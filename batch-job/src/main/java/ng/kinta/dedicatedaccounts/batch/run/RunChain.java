package ng.kinta.dedicatedaccounts.batch.run;

import org.jspecify.annotations.Nullable;

/**
 * What the job repository knows about chaining a catch-up run after a job execution.
 *
 * @param chained the catch-up already chained after this execution or any execution of
 * its job instance (a restart), or {@code null}
 * @param circuitOpened the circuit that opened in this execution ({@code mail relay},
 * {@code Billstack throttling}), or {@code null} when none did
 */
public record RunChain(@Nullable ChainedCatchUp chained, @Nullable String circuitOpened) {
}
