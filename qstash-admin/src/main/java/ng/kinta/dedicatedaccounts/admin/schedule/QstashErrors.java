package ng.kinta.dedicatedaccounts.admin.schedule;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Turns QStash failures into {@link QstashException}s. QStash errors are
 * {@code {"error":"<message>"}} (qstash.md §4); other bodies are quoted, shortened. Every
 * message passes through {@link #redact} so the token cannot leak even if a server echoes
 * it.
 */
final class QstashErrors {

	private static final int MAX_BODY_CHARS = 300;

	private final String token;

	QstashErrors(String token) {
		this.token = token;
	}

	QstashException fromResponse(int status, String body) {
		return new QstashException(redact("HTTP " + status + " " + reason(status) + ": " + message(status, body)),
				status, null);
	}

	QstashException withOperation(QstashException ex, String operation) {
		return new QstashException(redact("QStash refused to " + operation + " (" + ex.getMessage() + ")"), ex.status(),
				null);
	}

	QstashException unreachable(String operation, String baseUrl, Exception cause) {
		Throwable root = cause;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return new QstashException(redact("QStash is unreachable or did not answer in time at " + baseUrl + " ("
				+ operation + "): " + root.getClass().getSimpleName()), null, cause);
	}

	QstashException unreadable(String operation, Exception cause) {
		return new QstashException("QStash gave an unreadable answer to " + operation, null, cause);
	}

	private static String message(int status, String body) {
		String trimmed = body.strip();
		if (trimmed.isEmpty()) {
			return (status == 429) ? "rate limited, retry later" : "no message";
		}
		try {
			JsonNode error = JsonMapper.shared().readTree(trimmed).path("error");
			if (error.isString() && !error.stringValue().isBlank()) {
				return error.stringValue();
			}
		}
		catch (JacksonException ex) {
			// not JSON: quote the text below
		}
		return (trimmed.length() > MAX_BODY_CHARS) ? trimmed.substring(0, MAX_BODY_CHARS) + "…" : trimmed;
	}

	private static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "";
	}

	private String redact(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return this.token.isEmpty() ? text : text.replace(this.token, "***");
	}

}
