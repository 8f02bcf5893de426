package ng.kinta.dedicatedaccounts.batch.billstack;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Billstack said we call too fast (HTTP 429, or a "too many requests" message): a verdict
 * on our pace, not on the bank. It is retried at the same bank after the wait Billstack
 * asked for, while the whole run sends fewer requests at once; it never moves a user to
 * the next bank nor fails one.
 */
public class BillstackThrottledException extends TransientBillstackException {

	private final @Nullable Duration retryAfter;

	/**
	 * The throttling answer.
	 * @param message what Billstack said (masked)
	 * @param retryAfter the wait of its {@code Retry-After} header, {@code null} when it
	 * sent none or one that cannot be read
	 */
	public BillstackThrottledException(String message, @Nullable Duration retryAfter) {
		super(message, null);
		this.retryAfter = retryAfter;
	}

	/**
	 * The wait Billstack asked for.
	 * @return its {@code Retry-After}, or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
