package ng.kinta.dedicatedaccounts.admin.manage;

import ng.kinta.dedicatedaccounts.admin.schedule.InvalidScheduleIdException;
import ng.kinta.dedicatedaccounts.admin.schedule.QstashException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns errors into {@link ProblemDetail} answers: 400 for malformed
 * JSON and invalid requests, 401 for signatures, 502 with QStash's message when QStash
 * fails, 500 for anything else. Never a stack trace; details never echo the request body
 * (it carries the signature).
 */
@RestControllerAdvice
@ConditionalOnWebApplication
class ManageExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ManageExceptionHandler.class);

	@ExceptionHandler(SignatureRejectedException.class)
	ProblemDetail signatureRejected(SignatureRejectedException ex) {
		return problem(HttpStatus.UNAUTHORIZED, ex.getMessage());
	}

	@ExceptionHandler({ InvalidManageRequestException.class, InvalidScheduleIdException.class })
	ProblemDetail invalidRequest(RuntimeException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(QstashException.class)
	ProblemDetail qstashFailed(QstashException ex) {
		log.warn("QStash call failed: {}", ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("QStash request failed");
		if (ex.status() != null) {
			problem.setProperty("qstashStatus", ex.status());
		}
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error in the management API", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; see the server log");
	}

	// Jackson's message quotes the body, which carries the signature: keep it out.
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST,
				"Malformed JSON request body; expected {\"action\":…,\"scheduleId\":…,\"signature\":…}");
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail problem(HttpStatus status, @Nullable String detail) {
		return ProblemDetail.forStatusAndDetail(status, (detail != null) ? detail : status.getReasonPhrase());
	}

}
