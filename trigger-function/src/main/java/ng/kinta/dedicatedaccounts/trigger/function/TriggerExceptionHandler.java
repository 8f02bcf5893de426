package ng.kinta.dedicatedaccounts.trigger.function;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.function.web.mvc.FunctionController;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns what the trigger function throws into an RFC 9457 problem
 * ({@code application/problem+json}): a {@link TriggerException} into its status and
 * problem, a request with another method than POST into 405, anything else into a bare
 * 500. Never a stack trace or a library's exception message in a response. Requests that
 * reach no handler (404) get their problem from Spring MVC
 * ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice(assignableTypes = FunctionController.class)
class TriggerExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(TriggerExceptionHandler.class);

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handle(Exception ex, HttpServletRequest request) {
		TriggerException trigger = find(ex);
		if (trigger != null) {
			return ResponseEntity.status(trigger.status())
				.headers(trigger.headers())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(trigger.problem());
		}
		if (!HttpMethod.POST.matches(request.getMethod())) {
			// spring.cloud.function.http.* refuses other methods with an
			// IllegalArgumentException
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(HttpMethod.POST)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "Only POST is allowed"));
		}
		logger.error("Trigger request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemDetail
			.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; see the server log"));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, ProblemDetail problem) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	// the function registry may wrap what the function throws
	private static TriggerException find(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof TriggerException trigger) {
				return trigger;
			}
		}
		return null;
	}

}
