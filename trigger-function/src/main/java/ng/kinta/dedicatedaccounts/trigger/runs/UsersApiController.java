package ng.kinta.dedicatedaccounts.trigger.runs;

import java.net.URI;
import java.util.regex.Pattern;

import ng.kinta.dedicatedaccounts.batch.explain.UserExplainer;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/users/{id}}: a user explained
 * ({@link ng.kinta.dedicatedaccounts.batch.explain.UserExplanation}) as JSON; 404 when no
 * user has this id. By id only: an email in a URL would reach access and debug logs (the
 * pages' search box takes emails, by POST).
 */
@RestController
@Conditional(RunsEnabledCondition.class)
class UsersApiController {

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

	private final UserExplainer explainer;

	UsersApiController(UserExplainer explainer) {
		this.explainer = explainer;
	}

	@GetMapping("/api/users/{id}")
	ResponseEntity<?> user(@PathVariable String id, Authentication authentication) {
		if (!OBJECT_ID.matcher(id).matches()) {
			return problem(HttpStatus.BAD_REQUEST, "A user id is 24 hexadecimal digits (search by email on /runs)");
		}
		return this.explainer.explain(id)
			// the account's number and name whole for the operator only
			.map((user) -> ConsoleRoles.isOperator(authentication) ? user : user.withAccountMasked())
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, UsersPageController.NO_SUCH_USER));
	}

	// the instance is the collection, never the path: it may hold what was asked for
	private static ResponseEntity<?> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create("/api/users"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
