package ng.kinta.dedicatedaccounts.batch.billstack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import ng.kinta.dedicatedaccounts.batch.metrics.ProvisioningMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates one user's virtual account by trying the configured banks in order. Transient
 * failures are retried at the same bank with exponential backoff (spring-retry); a
 * rejection or exhausted retries move to the next bank. A throttling answer (429) is
 * retried at the same bank after Billstack's {@code Retry-After}, with fewer requests in
 * flight for the whole run ({@link BillstackPace}); when throttling outlasts its attempts
 * the user is left for the next run, never moved to the next bank nor failed. Bank
 * attempts for one user are strictly sequential because Billstack refuses concurrent
 * requests for one email.
 */
@Component
public class VirtualAccountCreator {

	private static final Logger logger = LoggerFactory.getLogger(VirtualAccountCreator.class);

	private final BillstackClient client;

	private final RetryTemplate retryTemplate;

	private final List<String> banks;

	private final BillstackPace pace;

	private final ProvisioningMetrics metrics;

	VirtualAccountCreator(BillstackClient client, RetryTemplate billstackRetryTemplate, BillstackProperties properties,
			BillstackPace billstackPace, ProvisioningMetrics metrics) {
		this.metrics = metrics;
		this.client = client;
		this.retryTemplate = billstackRetryTemplate;
		this.banks = List.copyOf(properties.banks());
		this.pace = billstackPace;
	}

	/**
	 * Creates the account at the first bank that accepts.
	 * @param customer the customer's details, with any bank (it is replaced per attempt)
	 * @return the created account
	 * @throws AccountNotCreatedException when every bank failed; the message lists each
	 * bank's failure
	 * @throws BillstackAuthenticationException when Billstack refuses the secret key
	 */
	public VirtualAccount create(GenerateVirtualAccountRequest customer) {
		return create(customer, () -> false);
	}

	/**
	 * Creates the account at the first bank that accepts, unless time runs out first.
	 * @param customer the customer's details, with any bank (it is replaced per attempt)
	 * @param timeIsUp asked before every request; once it answers {@code true} no further
	 * request is sent
	 * @return the created account
	 * @throws AccountNotCreatedException when every bank failed; the message lists each
	 * bank's failure
	 * @throws AttemptDeferredException when time ran out before an account was created,
	 * or Billstack kept throttling requests
	 * @throws BillstackAuthenticationException when Billstack refuses the secret key
	 */
	public VirtualAccount create(GenerateVirtualAccountRequest customer, BooleanSupplier timeIsUp) {
		List<String> failures = new ArrayList<>();
		for (String bank : this.banks) {
			GenerateVirtualAccountRequest request = new GenerateVirtualAccountRequest(customer.email(),
					customer.reference(), customer.firstName(), customer.lastName(), customer.phone(), bank);
			try {
				return this.retryTemplate.execute((context) -> {
					if (timeIsUp.getAsBoolean()) {
						throw new AttemptDeferredException("time budget spent before bank " + bank);
					}
					return this.metrics.timeBillstackRequest(bank, () -> call(request));
				});
			}
			catch (BillstackThrottledException ex) {
				// our pace, not the bank's answer: never the next bank, never a failure
				throw new AttemptDeferredException("Billstack kept throttling requests at bank " + bank);
			}
			catch (TransientBillstackException | BankRejectedException ex) {
				logger.info("User {}: {}", customer.reference(), ex.getMessage());
				failures.add(ex.getMessage());
			}
		}
		throw new AccountNotCreatedException("every bank failed: " + String.join("; ", failures));
	}

	private VirtualAccount call(GenerateVirtualAccountRequest request) {
		try {
			VirtualAccount account = this.pace.call(() -> this.client.generateVirtualAccount(request));
			this.pace.speedUp();
			return account;
		}
		catch (BillstackThrottledException ex) {
			this.pace.slowDown();
			throw ex;
		}
	}

}
