package ng.kinta.dedicatedaccounts.admin.schedule;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach the QStash REST API ({@code qstash.*}, fed by {@code QSTASH_URL} and
 * {@code QSTASH_TOKEN}).
 *
 * @param url base URL, one trailing slash stripped (default
 * {@code https://qstash.upstash.io})
 * @param token bearer token; required, never printed by {@link #toString()}
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time to wait for QStash's answer
 */
@Validated
@ConfigurationProperties("qstash")
record QstashProperties(
		@DefaultValue("https://qstash.upstash.io") @NotBlank(message = "QSTASH_URL must not be blank") @Pattern(
				regexp = "https?://\\S+", message = "QSTASH_URL must start with http:// or https://") String url,
		@NotBlank(message = "QSTASH_TOKEN is required (the QStash REST token from the Upstash console)") String token,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout) {

	QstashProperties {
		// qstash-js strips one trailing slash as well; the paths we append start with one
		if (url != null && url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
	}

	@Override
	public String toString() {
		return "QstashProperties[url=" + this.url + ", token=***, connectTimeout=" + this.connectTimeout
				+ ", readTimeout=" + this.readTimeout + "]";
	}

}
