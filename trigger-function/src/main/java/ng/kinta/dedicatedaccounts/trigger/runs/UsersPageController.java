package ng.kinta.dedicatedaccounts.trigger.runs;

import ng.kinta.dedicatedaccounts.batch.explain.UserExplainer;
import ng.kinta.dedicatedaccounts.batch.explain.UserExplanation;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /users/search} with {@code q=ID-OR-EMAIL} (the search box of every console
 * page; a POST so that an email never appears in a URL, hence in an access or debug log)
 * and {@code GET /users/{id}}: why a user has or has not an account, as HTML. The email
 * and phone are masked; the query is never logged or echoed.
 */
@Controller
@Conditional(RunsEnabledCondition.class)
class UsersPageController {

	static final String NO_SUCH_USER = "No such user (no user has this id or email)";

	private final UserExplainer explainer;

	UsersPageController(UserExplainer explainer) {
		this.explainer = explainer;
	}

	@PostMapping("/users/search")
	String search(@RequestParam(name = "q", defaultValue = "") String query) {
		String id = this.explainer.findUserId(query)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_SUCH_USER));
		return "redirect:" + UriComponentsBuilder.fromPath("/users/{id}").buildAndExpand(id).encode().toUriString();
	}

	@GetMapping("/users/{id}")
	String user(@PathVariable String id, Model model, Authentication authentication) {
		UserExplanation user = this.explainer.explain(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_SUCH_USER));
		// the account's number and name whole for the operator only
		model.addAttribute("user", ConsoleRoles.isOperator(authentication) ? user : user.withAccountMasked());
		return "users/detail";
	}

}
