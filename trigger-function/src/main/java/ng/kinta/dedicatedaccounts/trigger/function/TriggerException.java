package ng.kinta.dedicatedaccounts.trigger.function;

import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A trigger outcome that is not a 200: carries the HTTP status and the RFC 9457 problem
 * to answer with. Spring Cloud Function web always answers 200 for a returned value, so
 * the function throws this instead and {@link TriggerExceptionHandler} writes the
 * response.
 */
final class TriggerException extends RuntimeException {

	/**
	 * The one detail of every missing or invalid signature: nothing that helps guessing.
	 */
	static final String UNAUTHORIZED_DETAIL = "Missing or invalid Upstash-Signature";

	/**
	 * QStash's status for "do not retry": the message goes to the dead-letter queue at
	 * once (https://upstash.com/docs/qstash/features/retry), with
	 * {@link #NON_RETRYABLE_HEADER}.
	 */
	static final int NON_RETRYABLE_STATUS = 489;

	/** The header QStash requires beside {@link #NON_RETRYABLE_STATUS}. */
	static final String NON_RETRYABLE_HEADER = "Upstash-NonRetryable-Error";

	/** Extension member of a 409: the job execution that is running. */
	static final String RUNNING_EXECUTION_ID = "runningExecutionId";

	/** Extension member of a failed run's 500: the run's summary. */
	static final String SUMMARY = "summary";

	private final transient ProblemDetail problem;

	private final transient HttpHeaders headers;

	private TriggerException(ProblemDetail problem) {
		this(problem, new HttpHeaders());
	}

	private TriggerException(ProblemDetail problem, HttpHeaders headers) {
		super(problem.getDetail(), null, false, false);
		this.problem = problem;
		this.headers = headers;
	}

	/**
	 * A missing or invalid signature that a retry may get past, or that cannot be told
	 * apart from a stranger's request: 401, the old app's answer. QStash retries it.
	 * @return the exception
	 */
	static TriggerException unauthorized() {
		return new TriggerException(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, UNAUTHORIZED_DETAIL));
	}

	/**
	 * A signature no retry of the message can get past: 489 with
	 * {@code Upstash-NonRetryable-Error: true}, so that QStash moves the message to its
	 * dead-letter queue at once instead of retrying it for hours. Same detail as the 401.
	 * @return the exception
	 */
	static TriggerException neverVerifies() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(NON_RETRYABLE_STATUS),
				UNAUTHORIZED_DETAIL);
		problem.setTitle("Invalid signature, not retryable");
		HttpHeaders headers = new HttpHeaders();
		headers.set(NON_RETRYABLE_HEADER, "true");
		return new TriggerException(problem, headers);
	}

	/**
	 * A run holds the run lease: 409, with {@code Retry-After} the whole seconds until
	 * the lease lapses unless renewed (QStash retries then, instead of after its own
	 * back-off).
	 * @param ex the refusal
	 * @return the exception
	 */
	static TriggerException conflict(RunInProgressException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		if (ex.getRunningExecutionId() != null) {
			problem.setProperty(RUNNING_EXECUTION_ID, ex.getRunningExecutionId());
		}
		HttpHeaders headers = new HttpHeaders();
		if (ex.getUntilLeaseLapses() != null) {
			// rounded up, and at least 1: 0 would ask for an immediate retry
			long millis = ex.getUntilLeaseLapses().toMillis();
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (millis + 999) / 1000)));
		}
		return new TriggerException(problem, headers);
	}

	static TriggerException runFailed(RunSummary summary) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The run failed: " + summary.message());
		problem.setTitle("Run failed");
		problem.setProperty(SUMMARY, summary);
		return new TriggerException(problem);
	}

	HttpStatusCode status() {
		return HttpStatusCode.valueOf(this.problem.getStatus());
	}

	ProblemDetail problem() {
		return this.problem;
	}

	HttpHeaders headers() {
		return this.headers;
	}

}
