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
 * Creates one user's virtual account by trying the configured banks in order. Failures
 * after which the account was definitely not created are retried at the same bank with
 * exponential backoff (spring-retry); a rejection or exhausted retries move to the next
 * bank. An unknown outcome (no answer) is never retried here and never moves to another
 * bank: the caller records it and a later run asks the same bank again. A throttling
 * answer (429) is retried at the same bank after Billstack's {@code Retry-After}, with
 * fewer requests in flight for the whole run ({@link BillstackPace}); when throttling
 * outlasts its attempts the user is left for the next run, never moved to the next bank
 * nor failed. Bank attempts for one user are strictly sequential because Billstack
 * refuses concurrent requests for one email.
 */
@Component
public class VirtualAccountCreator {

	private static final Logger logger = LoggerFactory.getLogger(VirtualAccountCreator.class);

	private final BillstackClient client;

	private final RetryTemplate retryTemplate;

	private final List<String> banks;

	private final BillstackPace pace;

	private final ProvisioningMetrics metrics;

	private final RequestGate gate;

	VirtualAccountCreator(BillstackClient client, RetryTemplate billstackRetryTemplate, BillstackProperties properties,
			BillstackPace billstackPace, ProvisioningMetrics metrics, RequestGate requestGate) {
		this.metrics = metrics;
		this.gate = requestGate;
		this.client = client;
		this.retryTemplate = billstackRetryTemplate;
		this.banks = List.copyOf(properties.banks());
		this.pace = billstackPace;
	}

	/**
	 * Creates the account at the first bank that accepts.
	 * @param customer the customer's details, with any bank (it is replaced per attempt)
	 * @return the created account
	 * @throws AccountNotCreatedException when every bank said the account was not
	 * created; the message lists each bank's failure
	 * @throws OutcomeUnknownException when a request got no answer
	 * @throws BillstackAuthenticationException when Billstack refuses the secret key
	 */
	public VirtualAccount create(GenerateVirtualAccountRequest customer) {
		return create(customer, this.banks, (bank) -> true, () -> false);
	}

	/**
	 * Creates the account at the first of {@code banks} that accepts, unless time runs
	 * out first. Each request passes the {@link RequestGate} and writes its durable
	 * marker (through {@code marker}) before it is sent. An unknown outcome ends the
	 * attempt at once: it never leads to a request at another bank.
	 * @param customer the customer's details, with any bank (it is replaced per attempt)
	 * @param banks the banks to try, in order: the configured ones, or only the bank of
	 * an earlier unknown outcome
	 * @param marker writes the "request out" marker for a bank; answering {@code false}
	 * (the run lost its claim on the user) stops the attempt with nothing sent
	 * @param timeIsUp asked before every request; once it answers {@code true} no further
	 * request is sent
	 * @return the created account
	 * @throws AccountNotCreatedException when every bank said the account was not
	 * created; the message lists each bank's failure
	 * @throws OutcomeUnknownException when a request got no answer (the account may
	 * exist)
	 * @throws AttemptDeferredException when time ran out before an account was created,
	 * or Billstack kept throttling requests; nothing is out
	 * @throws RequestNotAllowedException when the gate is closed or the marker could not
	 * be written; nothing was sent
	 * @throws BillstackAuthenticationException when Billstack refuses the secret key
	 */
	public VirtualAccount create(GenerateVirtualAccountRequest customer, List<String> banks, RequestMarker marker,
			BooleanSupplier timeIsUp) {
		List<String> failures = new ArrayList<>();
		for (String bank : banks) {
			GenerateVirtualAccountRequest request = new GenerateVirtualAccountRequest(customer.email(),
					customer.reference(), customer.firstName(), customer.lastName(), customer.phone(), bank);
			try {
				return this.retryTemplate.execute((context) -> {
					if (timeIsUp.getAsBoolean()) {
						throw new AttemptDeferredException("time budget spent before bank " + bank);
					}
					return send(request, marker);
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

	/**
	 * The configured banks, in the order they are tried.
	 * @return the Billstack bank values
	 */
	public List<String> banks() {
		return this.banks;
	}

	private VirtualAccount send(GenerateVirtualAccountRequest request, RequestMarker marker) {
		if (!this.gate.tryEnter()) {
			throw new RequestNotAllowedException("the run may no longer send requests (stopping or lease fence)");
		}
		try {
			if (!marker.markSent(request.bank())) {
				throw new RequestNotAllowedException("the run no longer owns the user");
			}
			return this.metrics.timeBillstackRequest(request.bank(), () -> call(request));
		}
		finally {
			this.gate.leave();
		}
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

	/**
	 * Writes the durable "request out" marker of one request, before it is sent.
	 */
	@FunctionalInterface
	public interface RequestMarker {

		/**
		 * Writes the marker.
		 * @param bank the bank about to be asked
		 * @return whether it was written; {@code false}: the request must not be sent
		 */
		boolean markSent(String bank);

	}

}
