package ng.kinta.dedicatedaccounts.batch.billstack;

import java.time.Duration;

import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.Sleeper;

/**
 * spring-retry back-off that waits what Billstack's {@code Retry-After} asked for (at
 * most {@code maxRetryAfter}) after a throttling answer, and otherwise backs off as its
 * delegate does (exponential).
 */
class RetryAfterBackOffPolicy implements BackOffPolicy {

	private final BackOffPolicy delegate;

	private final Duration maxRetryAfter;

	private final Sleeper sleeper;

	RetryAfterBackOffPolicy(BackOffPolicy delegate, Duration maxRetryAfter, Sleeper sleeper) {
		this.delegate = delegate;
		this.maxRetryAfter = maxRetryAfter;
		this.sleeper = sleeper;
	}

	@Override
	public BackOffContext start(RetryContext context) {
		return new Context(context, this.delegate.start(context));
	}

	@Override
	public void backOff(BackOffContext backOffContext) throws BackOffInterruptedException {
		Context context = (Context) backOffContext;
		if (context.retry.getLastThrowable() instanceof BillstackThrottledException throttled
				&& throttled.getRetryAfter() != null) {
			Duration wait = throttled.getRetryAfter();
			try {
				this.sleeper.sleep(((wait.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : wait).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BackOffInterruptedException("Interrupted while waiting for Billstack's Retry-After", ex);
			}
			return;
		}
		this.delegate.backOff(context.delegate);
	}

	private record Context(RetryContext retry, BackOffContext delegate) implements BackOffContext {
	}

}
