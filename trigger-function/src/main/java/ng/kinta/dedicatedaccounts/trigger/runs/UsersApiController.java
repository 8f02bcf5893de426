package ng.kinta.dedicatedaccounts.trigger.runs;

import ng.kinta.dedicatedaccounts.batch.explain.UserExplainer;
import ng.kinta.dedicatedaccounts.batch.explain.UserExplanation;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/users/{id-or-email}}: a {@link UserExplanation} as JSON, 404 when no
 * user matches.
 */
@RestController
@Conditional(RunsEnabledCondition.class)
class UsersApiController {

	private final UserExplainer explainer;

	UsersApiController(UserExplainer explainer) {
		this.explainer = explainer;
	}

	@GetMapping("/api/users/{id}")
	UserExplanation user(@PathVariable String id) {
		return this.explainer.explain(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, UsersPageController.NO_SUCH_USER));
	}

}
