package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.function.web.mvc.FunctionController;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns what the trigger function throws into the HTTP answer: a {@link TriggerException}
 * into its status and body, anything else into a bare 500. Never a stack trace or
 * exception message from a library in a response.
 */
@RestControllerAdvice(assignableTypes = FunctionController.class)
class TriggerExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(TriggerExceptionHandler.class);

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handle(Exception ex, HttpServletRequest request) {
		TriggerException trigger = find(ex);
		if (trigger != null) {
			return ResponseEntity.status(trigger.status()).contentType(MediaType.APPLICATION_JSON).body(trigger.body());
		}
		if (!HttpMethod.POST.matches(request.getMethod())) {
			// spring.cloud.function.http.* refuses other methods
			// with an IllegalArgumentException
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(HttpMethod.POST)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("error", "Method not allowed"));
		}
		logger.error("Trigger request failed", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "error", "message", "Internal error; see the server log"));
	}

	// the function registry may wrap what the function throws
	private static @Nullable TriggerException find(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof TriggerException trigger) {
				return trigger;
			}
		}
		return null;
	}

}
