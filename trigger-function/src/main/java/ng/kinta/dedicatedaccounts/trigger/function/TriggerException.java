package ng.kinta.dedicatedaccounts.trigger.function;

import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import org.jspecify.annotations.Nullable;

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

	/** Extension member of a 409: the job execution that is running. */
	static final String RUNNING_EXECUTION_ID = "runningExecutionId";

	/** Extension member of a failed run's 500: the run's summary. */
	static final String SUMMARY = "summary";

	private final transient ProblemDetail problem;

	private final @Nullable Long retryAfterSeconds;

	private TriggerException(ProblemDetail problem) {
		this(problem, null);
	}

	private TriggerException(ProblemDetail problem, @Nullable Long retryAfterSeconds) {
		super(problem.getDetail(), null, false, false);
		this.problem = problem;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	static TriggerException unauthorized() {
		return new TriggerException(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, UNAUTHORIZED_DETAIL));
	}

	static TriggerException conflict(RunInProgressException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		if (ex.getRunningExecutionId() != null) {
			problem.setProperty(RUNNING_EXECUTION_ID, ex.getRunningExecutionId());
		}
		// QStash honours Retry-After (seconds): the redelivery comes once the lease could
		// have lapsed, not after its own back-off
		Long retryAfter = (ex.getUntilLeaseLapses() != null)
				? (long) Math.ceil(ex.getUntilLeaseLapses().toMillis() / 1000.0) : null;
		return new TriggerException(problem, retryAfter);
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

	/**
	 * The {@code Retry-After} of the answer.
	 * @return seconds, or {@code null} for none
	 */
	@Nullable Long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
