package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The web server's transport (Spring Cloud Function web): the body is the exact bytes
 * {@link RawRequestBodyFilter} kept (else the payload, for callers without the filter),
 * the headers are the message headers; a 200 is returned, any other answer thrown as a
 * {@link TriggerException} for {@link TriggerExceptionHandler}.
 */
final class WebTransport implements TriggerTransport {

	private static final byte[] NO_BODY = new byte[0];

	@Override
	public boolean carries(Message<byte[]> message) {
		return true;
	}

	@Override
	public Message<Object> exchange(Message<byte[]> message, Function<TriggerRequest, TriggerAnswer> trigger) {
		byte[] body = RawRequestBody.ofCurrentRequest()
			.orElseGet(() -> (message.getPayload() != null) ? message.getPayload() : NO_BODY);
		TriggerAnswer answer = trigger.apply(new TriggerRequest(body, headersOf(message.getHeaders())));
		if (answer.summary() == null) {
			throw new TriggerException(answer);
		}
		return MessageBuilder.<Object>withPayload(answer.summary())
			.setHeader(MessageHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	// HTTP header names are case-insensitive (HttpHeaders); message headers are not
	private static HttpHeaders headersOf(MessageHeaders messageHeaders) {
		HttpHeaders headers = new HttpHeaders();
		for (Map.Entry<String, Object> header : messageHeaders.entrySet()) {
			Object value = header.getValue();
			if (value instanceof Collection<?> values) {
				values.forEach((each) -> headers.add(header.getKey(), String.valueOf(each)));
			}
			else if (value != null) {
				headers.add(header.getKey(), value.toString());
			}
		}
		return headers;
	}

}
