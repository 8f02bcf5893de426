package ng.kinta.dedicatedaccounts.trigger.function;

import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;

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

	private TriggerException(ProblemDetail problem) {
		super(problem.getDetail(), null, false, false);
		this.problem = problem;
	}

	static TriggerException unauthorized() {
		return new TriggerException(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, UNAUTHORIZED_DETAIL));
	}

	static TriggerException conflict(RunInProgressException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		if (ex.getRunningExecutionId() != null) {
			problem.setProperty(RUNNING_EXECUTION_ID, ex.getRunningExecutionId());
		}
		return new TriggerException(problem);
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

}
