package ng.kinta.dedicatedaccounts.batch.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProvisioningMetricsTests {

	private final ProvisioningMetrics metrics = ProvisioningMetrics.unexported();

	private final MeterRegistry registry = this.metrics.registry();

	@Test
	void billstackRequestsAreTimedPerBankAndOutcomeAndFailuresAreRethrown() {
		String account = this.metrics.timeBillstackRequest("PALMPAY", () -> "account");
		assertThatIllegalStateException().isThrownBy(() -> this.metrics.timeBillstackRequest("9PSB", () -> {
			throw new IllegalStateException("bank down");
		}));

		assertThat(account).isEqualTo("account");
		assertThat(this.registry.get(ProvisioningMetrics.BILLSTACK_REQUESTS)
			.tags("bank", "PALMPAY", "outcome", "created", "exception", "none")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(ProvisioningMetrics.BILLSTACK_REQUESTS)
			.tags("bank", "9PSB", "outcome", "failed", "exception", "IllegalStateException")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void accountsFailuresAndEmailsAreCountedPerTag() {
		this.metrics.accountCreated("PALMPAY");
		this.metrics.accountCreated("PALMPAY");
		this.metrics.userFailed(ProvisioningMetrics.EVERY_BANK_FAILED);
		this.metrics.emailSent();
		this.metrics.emailPending();
		this.metrics.pendingEmailsCounted(7);

		assertThat(this.registry.get(ProvisioningMetrics.ACCOUNTS_CREATED).tag("bank", "PALMPAY").counter().count())
			.isEqualTo(2);
		assertThat(this.registry.get(ProvisioningMetrics.USERS_FAILED)
			.tag("reason", "every_bank_failed")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(ProvisioningMetrics.EMAILS).tag("outcome", "sent").counter().count()).isEqualTo(1);
		assertThat(this.registry.get(ProvisioningMetrics.EMAILS).tag("outcome", "pending").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get(ProvisioningMetrics.EMAILS_PENDING).gauge().value()).isEqualTo(7);
	}

}
