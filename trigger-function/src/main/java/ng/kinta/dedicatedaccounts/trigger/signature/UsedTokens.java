package ng.kinta.dedicatedaccounts.trigger.signature;

import java.time.Instant;

/**
 * Where the verifier remembers the tokens it accepted, by their {@code jti}, so that a
 * captured delivery cannot be replayed while its token is still valid. Shared by every
 * host that serves the trigger (the application keeps it in MongoDB).
 */
@FunctionalInterface
public interface UsedTokens {

	/**
	 * Records the use of a token, atomically: of two uses of one id, anywhere, exactly
	 * one is the first.
	 * @param tokenId the token's {@code jti}
	 * @param forgetAfter when the record may go: the token's {@code exp} plus the clock
	 * tolerance, after which the verifier refuses the token as expired anyway
	 * @return {@code true} for the first use, {@code false} when the id was used before
	 */
	boolean recordFirstUse(String tokenId, Instant forgetAfter);

}
