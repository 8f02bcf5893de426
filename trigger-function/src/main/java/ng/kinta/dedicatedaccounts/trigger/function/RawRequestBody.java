package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The exact bytes of the trigger request being handled, as {@link RawRequestBodyFilter}
 * read them off the connection. Spring Cloud Function web hands a function the body
 * decoded as text (or, for a form post, as parsed parameters), which changes bytes that
 * are not valid in the assumed charset; the signature's {@code body} claim is over the
 * bytes themselves.
 */
final class RawRequestBody {

	/** Request attribute holding the body as a {@code byte[]}. */
	static final String ATTRIBUTE = RawRequestBody.class.getName();

	private RawRequestBody() {
	}

	/**
	 * The raw body of the HTTP request handled on this thread (the function runs on the
	 * servlet request's thread).
	 * @return the bytes, or empty outside a request that went through the filter
	 */
	static Optional<byte[]> ofCurrentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return Optional.empty();
		}
		return (attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof byte[] body)
				? Optional.of(body) : Optional.empty();
	}

}
