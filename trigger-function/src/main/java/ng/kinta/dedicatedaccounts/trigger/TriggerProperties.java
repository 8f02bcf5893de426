package ng.kinta.dedicatedaccounts.trigger;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import ng.kinta.dedicatedaccounts.commandline.PublicApiUrl;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashSigningKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the trigger ({@code trigger.*}, fed by the environment names of the
 * old app: see {@code application.yml}). Missing keys or URL fail the start.
 *
 * @param publicApiUrl public base URL of this service ({@code NEXT_PUBLIC_API_URL}), as
 * QStash was told to call it, e.g. {@code https://api.example.com}; trailing slashes are
 * dropped
 * @param signing signature verification settings
 */
@Validated
@ConfigurationProperties("trigger")
public record TriggerProperties(@NotBlank String publicApiUrl, @Valid @NotNull Signing signing) {

	/**
	 * Normalises the URL the way the schedule administration does
	 * ({@link PublicApiUrl#normalize}), so that the {@code sub} claim QStash signs
	 * matches.
	 */
	public TriggerProperties {
		if (publicApiUrl != null) {
			publicApiUrl = PublicApiUrl.normalize(publicApiUrl);
		}
	}

	/**
	 * Prefix under which Spring Cloud Function web serves the function
	 * ({@code spring.cloud.function.web.path}, set by
	 * {@link TriggerEndpointEnvironmentPostProcessor}).
	 */
	public static final String FUNCTION_WEB_PATH = "/api/cron";

	/** Name of the trigger function bean, hence the last segment of its path. */
	public static final String FUNCTION_NAME = "create-dedicated-accounts";

	/**
	 * Path of the trigger endpoint, kept from the old Node.js app; the one definition of
	 * it in this module.
	 */
	public static final String PATH = FUNCTION_WEB_PATH + "/" + FUNCTION_NAME;

	/**
	 * The exact URL QStash delivers to, which is also the {@code sub} claim it signs.
	 * @return {@code publicApiUrl} followed by {@link #PATH}, concatenated as is
	 */
	public String endpointUrl() {
		return this.publicApiUrl + PATH;
	}

	/**
	 * Signature verification settings.
	 *
	 * @param currentKey {@code QSTASH_CURRENT_SIGNING_KEY}
	 * @param nextKey {@code QSTASH_NEXT_SIGNING_KEY}
	 * @param clockTolerance allowed clock difference for {@code exp}/{@code nbf}, whole
	 * seconds
	 * @param maxHeaderSize largest accepted {@code Upstash-Signature} header
	 * @param maxBodySize largest request body read to check its hash (a larger one is
	 * refused with 413 before anything else)
	 */
	public record Signing(@NotBlank String currentKey, @NotBlank String nextKey,
			@DefaultValue("5s") @NotNull Duration clockTolerance, @DefaultValue("8KB") @NotNull DataSize maxHeaderSize,
			@DefaultValue("64KB") @NotNull DataSize maxBodySize) {

		/**
		 * The keys as the verifier takes them.
		 * @return both signing keys
		 */
		public QstashSigningKeys keys() {
			return new QstashSigningKeys(this.currentKey, this.nextKey);
		}

		@Override
		public String toString() {
			return "Signing[currentKey=***, nextKey=***, clockTolerance=" + this.clockTolerance + ", maxHeaderSize="
					+ this.maxHeaderSize + ", maxBodySize=" + this.maxBodySize + "]";
		}

	}

}
