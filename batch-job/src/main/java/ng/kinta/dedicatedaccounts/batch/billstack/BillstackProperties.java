package ng.kinta.dedicatedaccounts.batch.billstack;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Billstack client ({@code app.billstack.*}).
 *
 * @param baseUrl base URL of the Billstack API ({@code BILLSTACK_BASE_URL})
 * @param secretKey bearer token ({@code BILL_STACK_SECRET_KEY}); never logged
 * @param banks banks tried in this order for each user, upper-case Billstack bank values
 * @param connectTimeout TCP connect timeout of one request
 * @param readTimeout time to wait for the answer of one request
 * @param maxAttempts attempts per bank for transient failures (timeouts, connection
 * errors, 5xx, 429), the first one included
 * @param initialBackoff wait before the first retry
 * @param backoffMultiplier factor applied to the wait after each retry
 * @param maxBackoff longest wait between two retries
 * @param maxThrottledAttempts attempts per bank while Billstack answers 429 ("too many
 * requests"), the first one included; when they run out the user is left for the next run
 * (never moved to the next bank nor failed)
 * @param maxRetryAfter longest wait honoured from a {@code Retry-After} header
 * @param maxUnknownRetries times the same bank is asked again, with the same reference,
 * after a request whose outcome is unknown (0 to 3; 0: park the user for reconciliation
 * at once)
 * @param unknownOutcomeBackoff wait after an unknown outcome before the same bank is
 * asked again (long enough for Billstack to finish the first request)
 */
@Validated
@ConfigurationProperties("app.billstack")
public record BillstackProperties(@NotBlank String baseUrl, @NotBlank String secretKey, @NotEmpty List<String> banks,
		@NotNull Duration connectTimeout, @NotNull Duration readTimeout, @Min(1) int maxAttempts,
		@NotNull Duration initialBackoff, @DecimalMin("1.0") double backoffMultiplier, @NotNull Duration maxBackoff,
		@Min(1) int maxThrottledAttempts, @NotNull Duration maxRetryAfter, @Min(0) @Max(3) int maxUnknownRetries,
		@NotNull Duration unknownOutcomeBackoff) {

	@Override
	public String toString() {
		// the secret key must never reach a log line
		return "BillstackProperties[baseUrl=" + this.baseUrl + ", banks=" + this.banks + "]";
	}

}
