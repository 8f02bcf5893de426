package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * One delivery as the trigger verifies it, whatever carried it (the web server, an AWS
 * Lambda event): the body's exact bytes and the HTTP headers.
 *
 * @param body the body exactly as sent (after undoing a transport's base64 encoding),
 * empty for no body
 * @param headers the request headers; names are case-insensitive
 */
public record TriggerRequest(byte[] body, HttpHeaders headers) {

	/** The QStash token over the body ({@code docs/QSTASH.md} §1). */
	public static final String SIGNATURE_HEADER = "Upstash-Signature";

	/** The QStash message id, the same on every redelivery. */
	public static final String MESSAGE_ID_HEADER = "Upstash-Message-Id";

	/**
	 * A header's value. Names are compared ignoring case; a header sent several times is
	 * one value, its values joined with {@code ,} (RFC 9110 §5.3), which is also how API
	 * Gateway HTTP APIs and Lambda Function URLs deliver repeats.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : String.join(",", values);
	}

	/**
	 * Keeps the body and the headers' values (the signature) out of logs.
	 * @return the body's size and the header names
	 */
	@Override
	public String toString() {
		return "TriggerRequest[body=" + this.body.length + " bytes, headers=" + this.headers.headerNames() + "]";
	}

}
