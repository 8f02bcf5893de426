package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.LinkedHashMap;
import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;

import org.springframework.http.HttpStatus;

/**
 * A trigger outcome that is not a 200: carries the HTTP status and the JSON body to
 * answer with. Spring Cloud Function web always answers 200 for a returned value, so the
 * function throws this instead and {@link TriggerExceptionHandler} writes the response.
 */
final class TriggerException extends RuntimeException {

	/** The one answer to every missing or invalid signature. */
	static final String UNAUTHORIZED_MESSAGE = "Unauthorized: invalid signature";

	private final HttpStatus status;

	private final transient Object body;

	private TriggerException(HttpStatus status, String message, Object body) {
		super(message, null, false, false);
		this.status = status;
		this.body = body;
	}

	static TriggerException unauthorized() {
		return new TriggerException(HttpStatus.UNAUTHORIZED, UNAUTHORIZED_MESSAGE,
				Map.of("error", UNAUTHORIZED_MESSAGE));
	}

	static TriggerException conflict(RunInProgressException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "Conflict: " + ex.getMessage());
		if (ex.getRunningExecutionId() != null) {
			body.put("runningExecutionId", ex.getRunningExecutionId());
		}
		return new TriggerException(HttpStatus.CONFLICT, ex.getMessage(), body);
	}

	static TriggerException runFailed(RunSummary summary) {
		return new TriggerException(HttpStatus.INTERNAL_SERVER_ERROR, "The run failed", summary);
	}

	HttpStatus status() {
		return this.status;
	}

	Object body() {
		return this.body;
	}

}
