package ng.kinta.dedicatedaccounts.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import ng.kinta.dedicatedaccounts.trigger.function.TriggerRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Reads the delivery out of a Lambda HTTP event, the same way for the three kinds:
 * <ul>
 * <li>API Gateway REST API (payload format 1.0): {@code headers} holds the last value of
 * each header, {@code multiValueHeaders} all of them (used when present);</li>
 * <li>API Gateway HTTP API (payload format 2.0) and Lambda Function URLs (the same
 * format): header names lowercased, repeats already joined with commas;</li>
 * <li>all three: {@code body} is the body as a string, base64 when
 * {@code isBase64Encoded} is {@code true} (API Gateway and Function URLs encode every
 * body that is not text, JSON or XML, and one without Content-Type), absent or
 * {@code null} for no body.</li>
 * </ul>
 * A text body arrives as the JSON string of its UTF-8 bytes, so its bytes are that string
 * encoded as UTF-8 again.
 */
final class ProxyEvent {

	private ProxyEvent() {
	}

	/**
	 * Reads an event.
	 * @param event the invocation's payload, the event as JSON
	 * @param jsonMapper a JSON mapper
	 * @return the body's exact bytes and the headers
	 * @throws MalformedEventException when the payload is not JSON or the body not valid
	 * base64 (the message holds none of the event)
	 */
	static TriggerRequest read(byte[] event, JsonMapper jsonMapper) {
		JsonNode root;
		try {
			root = jsonMapper.readTree(event);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("The event is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw new MalformedEventException("The event is not a JSON object");
		}
		return new TriggerRequest(body(root), headers(root));
	}

	private static byte[] body(JsonNode root) {
		JsonNode body = root.path("body");
		if (body.isMissingNode() || body.isNull()) {
			return new byte[0];
		}
		String text = body.asString();
		if (root.path("isBase64Encoded").asBoolean(false)) {
			try {
				return Base64.getDecoder().decode(text);
			}
			catch (IllegalArgumentException ex) {
				throw new MalformedEventException("The event's body is marked base64 but is not base64");
			}
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static HttpHeaders headers(JsonNode root) {
		HttpHeaders headers = new HttpHeaders();
		JsonNode multi = root.path("multiValueHeaders");
		if (multi.isObject() && !multi.isEmpty()) {
			for (Map.Entry<String, JsonNode> header : multi.properties()) {
				for (JsonNode value : header.getValue()) {
					headers.add(header.getKey(), value.asString());
				}
			}
			return headers;
		}
		JsonNode single = root.path("headers");
		if (single.isObject()) {
			for (Map.Entry<String, JsonNode> header : single.properties()) {
				if (!header.getValue().isNull()) {
					headers.add(header.getKey(), header.getValue().asString());
				}
			}
		}
		return headers;
	}

	/** An event the trigger cannot read; answered with 400. */
	static final class MalformedEventException extends RuntimeException {

		MalformedEventException(String message) {
			super(message, null, false, false);
		}

	}

}
