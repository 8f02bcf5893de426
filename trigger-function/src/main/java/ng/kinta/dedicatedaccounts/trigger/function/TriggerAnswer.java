package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * What the trigger answers a delivery, whatever carries it: an HTTP status and either the
 * run's summary (200) or an RFC 9457 problem. A failed run's problem holds its summary.
 *
 * @param status the HTTP status
 * @param summary the summary of a completed run (200), otherwise {@code null}
 * @param problem the problem of any other answer, otherwise {@code null}
 * @param headers response headers beside the Content-Type ({@code Retry-After},
 * {@code Upstash-NonRetryable-Error}), by name
 */
public record TriggerAnswer(int status, @Nullable RunSummary summary, @Nullable ProblemDetail problem,
		Map<String, String> headers) {

	/**
	 * QStash's status for "do not retry": the message goes to the dead-letter queue at
	 * once (https://upstash.com/docs/qstash/features/retry), with
	 * {@link #NON_RETRYABLE_HEADER}.
	 */
	public static final int NON_RETRYABLE_STATUS = 489;

	/** The header QStash requires beside {@link #NON_RETRYABLE_STATUS}. */
	public static final String NON_RETRYABLE_HEADER = "Upstash-NonRetryable-Error";

	/**
	 * The one detail of every missing or invalid signature: nothing that helps guessing.
	 */
	public static final String UNAUTHORIZED_DETAIL = "Missing or invalid Upstash-Signature";

	/** Extension member of a 409: the job execution that is running. */
	public static final String RUNNING_EXECUTION_ID = "runningExecutionId";

	/** Extension member of a failed run's 500: the run's summary. */
	public static final String SUMMARY = "summary";

	public TriggerAnswer {
		headers = Map.copyOf(headers);
	}

	static TriggerAnswer ok(RunSummary summary) {
		return new TriggerAnswer(HttpStatus.OK.value(), summary, null, Map.of());
	}

	/**
	 * A missing, invalid or replayed signature that a retry may get past, or that cannot
	 * be told apart from a stranger's request: 401, the old app's answer. QStash retries
	 * it with a new token.
	 * @return the answer
	 */
	static TriggerAnswer unauthorized() {
		return of(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, UNAUTHORIZED_DETAIL));
	}

	/**
	 * A signature no retry of the message can get past: 489 with
	 * {@code Upstash-NonRetryable-Error: true}, so that QStash moves the message to its
	 * dead-letter queue at once instead of retrying it for hours. Same detail as the 401.
	 * @return the answer
	 */
	static TriggerAnswer neverVerifies() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(NON_RETRYABLE_STATUS),
				UNAUTHORIZED_DETAIL);
		problem.setTitle("Invalid signature, not retryable");
		return new TriggerAnswer(NON_RETRYABLE_STATUS, null, problem, Map.of(NON_RETRYABLE_HEADER, "true"));
	}

	/**
	 * A run holds the run lease: 409, with {@code Retry-After} the whole seconds until
	 * the lease lapses unless renewed (QStash retries then, instead of after its own
	 * back-off); without the header when the lease's expiry is unknown.
	 * @param ex the refusal
	 * @return the answer
	 */
	static TriggerAnswer conflict(RunInProgressException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		if (ex.getRunningExecutionId() != null) {
			problem.setProperty(RUNNING_EXECUTION_ID, ex.getRunningExecutionId());
		}
		if (ex.getUntilLeaseLapses() == null) {
			return of(problem);
		}
		// rounded up, and at least 1: 0 would ask for an immediate retry
		long millis = ex.getUntilLeaseLapses().toMillis();
		String seconds = String.valueOf(Math.max(1, (millis + 999) / 1000));
		return new TriggerAnswer(HttpStatus.CONFLICT.value(), null, problem, Map.of(HttpHeaders.RETRY_AFTER, seconds));
	}

	static TriggerAnswer runFailed(RunSummary summary) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The run failed: " + summary.message());
		problem.setTitle("Run failed");
		problem.setProperty(SUMMARY, summary);
		return of(problem);
	}

	/**
	 * An unexpected failure: never its message or stack trace, which are logged.
	 * @return a bare 500
	 */
	public static TriggerAnswer internalError() {
		return of(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal error; see the server log"));
	}

	/**
	 * A body over the size limit, refused before anything else.
	 * @param maxBytes the limit
	 * @return a 413
	 */
	public static TriggerAnswer tooLarge(int maxBytes) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + maxBytes + " bytes");
		// the title the web server's body filter answers with
		problem.setTitle("Payload Too Large");
		return of(problem);
	}

	/**
	 * A request the transport could not read (a malformed event, say).
	 * @param detail what was wrong, without any of the request's content
	 * @return a 400
	 */
	public static TriggerAnswer badRequest(String detail) {
		return of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
	}

	/**
	 * A problem answer.
	 * @param problem the problem, whose status is the answer's
	 * @return the answer
	 */
	public static TriggerAnswer of(ProblemDetail problem) {
		return new TriggerAnswer(problem.getStatus(), null, problem, Map.of());
	}

	/**
	 * The body to send.
	 * @return the summary or the problem
	 */
	public Object body() {
		return (this.summary != null) ? this.summary : this.problem;
	}

	/**
	 * The body's media type.
	 * @return {@code application/json} for a summary, {@code application/problem+json}
	 * for a problem
	 */
	public MediaType contentType() {
		return (this.summary != null) ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
	}

	/**
	 * The summary of the run this answer is about: a completed run's, or a failed run's
	 * kept in its problem.
	 * @return the summary, or {@code null} when no run is involved
	 */
	public @Nullable RunSummary runSummary() {
		if (this.summary != null) {
			return this.summary;
		}
		if (this.problem != null && this.problem.getProperties() != null
				&& this.problem.getProperties().get(SUMMARY) instanceof RunSummary run) {
			return run;
		}
		return null;
	}

}
