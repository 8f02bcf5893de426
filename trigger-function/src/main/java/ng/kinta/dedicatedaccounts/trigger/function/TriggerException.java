package ng.kinta.dedicatedaccounts.trigger.function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A trigger answer that is not a 200, thrown over HTTP: Spring Cloud Function web always
 * answers 200 for a returned value, so the web transport throws this instead and
 * {@link TriggerExceptionHandler} writes the status and the problem. Never thrown on
 * Lambda, where a thrown exception becomes a 502 and a retried invocation.
 */
final class TriggerException extends RuntimeException {

	/** See {@link TriggerAnswer#UNAUTHORIZED_DETAIL}. */
	static final String UNAUTHORIZED_DETAIL = TriggerAnswer.UNAUTHORIZED_DETAIL;

	/** See {@link TriggerAnswer#SUMMARY}. */
	static final String SUMMARY = TriggerAnswer.SUMMARY;

	private final transient TriggerAnswer answer;

	TriggerException(TriggerAnswer answer) {
		super((answer.problem() != null) ? answer.problem().getDetail() : null, null, false, false);
		this.answer = answer;
	}

	HttpStatusCode status() {
		return HttpStatusCode.valueOf(this.answer.status());
	}

	HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		this.answer.headers().forEach(headers::set);
		return headers;
	}

	ProblemDetail problem() {
		ProblemDetail problem = this.answer.problem();
		if (problem == null) {
			throw new IllegalStateException("A 200 answer is returned, not thrown");
		}
		return problem;
	}

}
