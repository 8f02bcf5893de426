package ng.kinta.dedicatedaccounts.batch.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The project's meters. Names use Micrometer's dotted form; Prometheus shows them with
 * underscores and a {@code _total} or {@code _seconds} suffix (docs/OPERATIONS.md lists
 * them). Tags have a small, fixed set of values: bank codes from the configuration,
 * outcomes and reasons named here, exception class names of the Billstack client. Without
 * a {@link MeterRegistry} bean (the command line) the meters go to Micrometer's global
 * registry, which keeps nothing unless a registry is added to it.
 */
@Component
public class ProvisioningMetrics {

	/** Reason tag: every configured bank failed for the user. */
	public static final String EVERY_BANK_FAILED = "every_bank_failed";

	/** Reason tag: the user's record lacks a usable email, name or phone. */
	public static final String UNUSABLE_RECORD = "unusable_record";

	// not ".created": Prometheus reserves the _created suffix
	static final String ACCOUNTS_CREATED = "dedicated_accounts.accounts.opened";

	static final String USERS_FAILED = "dedicated_accounts.users.failed";

	static final String BILLSTACK_REQUESTS = "dedicated_accounts.billstack.requests";

	static final String EMAILS = "dedicated_accounts.emails";

	static final String EMAILS_PENDING = "dedicated_accounts.emails.pending";

	private final MeterRegistry registry;

	private final AtomicLong pendingEmails = new AtomicLong();

	@Autowired
	ProvisioningMetrics(ObjectProvider<MeterRegistry> registry) {
		this(registry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	private ProvisioningMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder(EMAILS_PENDING, this.pendingEmails, AtomicLong::get)
			.description("Account emails waiting to be sent when the last run ended")
			.register(registry);
	}

	/**
	 * Meters that record into a registry of their own, for tests and code used without
	 * Spring.
	 * @return metrics that nobody exports
	 */
	public static ProvisioningMetrics unexported() {
		return new ProvisioningMetrics(new SimpleMeterRegistry());
	}

	/**
	 * Counts an account written for a user ({@code accounts} document).
	 * @param bank the bank code the account was opened at, for example {@code PALMPAY}
	 */
	public void accountCreated(String bank) {
		Counter.builder(ACCOUNTS_CREATED)
			.description("Dedicated accounts written for users, per bank")
			.tag("bank", bank)
			.register(this.registry)
			.increment();
	}

	/**
	 * Counts a user skipped by a run.
	 * @param reason {@link #EVERY_BANK_FAILED} or {@link #UNUSABLE_RECORD}
	 */
	public void userFailed(String reason) {
		Counter.builder(USERS_FAILED)
			.description("Users a run skipped, per reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * Times one Billstack request (one HTTP exchange, retries are separate requests).
	 * @param <T> what the request returns
	 * @param bank the bank the request asks for
	 * @param request the request
	 * @return what the request returned
	 * @throws RuntimeException whatever the request threw, after recording it with
	 * outcome {@code failed} and its class as {@code exception} tag
	 */
	public <T> T timeBillstackRequest(String bank, Supplier<T> request) {
		Timer.Sample sample = Timer.start(this.registry);
		String outcome = "failed";
		String exception = "none";
		try {
			T result = request.get();
			outcome = "created";
			return result;
		}
		catch (RuntimeException ex) {
			exception = ex.getClass().getSimpleName();
			throw ex;
		}
		finally {
			sample.stop(Timer.builder(BILLSTACK_REQUESTS)
				.description("Billstack generateVirtualAccount requests, per bank and outcome")
				.tag("bank", bank)
				.tag("outcome", outcome)
				.tag("exception", exception)
				.register(this.registry));
		}
	}

	/** Counts an account email the relay accepted. */
	public void emailSent() {
		email("sent");
	}

	/** Counts an account email that failed and stays pending for a later run. */
	public void emailPending() {
		email("pending");
	}

	/** Counts an account email given up for good (it will not be retried). */
	public void emailPermanentlyFailed() {
		email("permanently_failed");
	}

	/**
	 * Records how many account emails wait to be sent, as counted when a run ended.
	 * @param count the pending emails
	 */
	public void pendingEmailsCounted(long count) {
		this.pendingEmails.set(count);
	}

	private void email(String outcome) {
		Counter.builder(EMAILS)
			.description("Account emails, per outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	MeterRegistry registry() {
		return this.registry;
	}

}
