package ng.kinta.dedicatedaccounts.batch.billstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.FixedBackOffPolicy;
import org.springframework.retry.context.RetryContextSupport;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterBackOffPolicyTests {

	private final List<Long> sleeps = new ArrayList<>();

	private final RetryAfterBackOffPolicy policy = policy();

	@Test
	void waitsWhatRetryAfterAsksFor() {
		backOffAfter(new BillstackThrottledException("429", Duration.ofSeconds(3)));

		assertThat(this.sleeps).containsExactly(3_000L);
	}

	@Test
	void waitsNoLongerThanTheConfiguredMaximum() {
		backOffAfter(new BillstackThrottledException("429", Duration.ofHours(1)));

		assertThat(this.sleeps).containsExactly(30_000L);
	}

	@Test
	void backsOffAsTheDelegateWithoutRetryAfter() {
		backOffAfter(new BillstackThrottledException("429", null));
		backOffAfter(new TransientBillstackException("HTTP 500", null));

		assertThat(this.sleeps).containsExactly(50L, 50L);
	}

	private void backOffAfter(Throwable failure) {
		RetryContextSupport retryContext = new RetryContextSupport(null);
		retryContext.registerThrowable(failure);
		BackOffContext context = this.policy.start(retryContext);
		this.policy.backOff(context);
	}

	private RetryAfterBackOffPolicy policy() {
		FixedBackOffPolicy fixed = new FixedBackOffPolicy();
		fixed.setBackOffPeriod(50);
		fixed.setSleeper(this.sleeps::add);
		return new RetryAfterBackOffPolicy(fixed, Duration.ofSeconds(30), this.sleeps::add);
	}

}
