package ng.kinta.dedicatedaccounts.trigger.runs;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import ng.kinta.dedicatedaccounts.batch.explain.ReconciliationQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * {@code GET /reconciliation}: the users whose Billstack outcome is unknown, with what to
 * check in Billstack's dashboard; and the operator's resolutions ({@code POST
 * /reconciliation/{userId}/record} with the account found, {@code POST
 * /reconciliation/{userId}/release}; {@code POST /reconciliation/{userId}/dismiss} for
 * second accounts kept aside), CSRF-protected, operator role only, each recorded with the
 * operator's name and the time.
 */
@Controller
@Conditional(RunsEnabledCondition.class)
class ReconciliationPageController {

	private static final Logger logger = LoggerFactory.getLogger(ReconciliationPageController.class);

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

	private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{10}");

	private static final int LISTED = 500;

	private static final Map<String, String> DONE = Map.of("recorded", "account recorded", "released", "released",
			"dismissed", "second accounts dismissed");

	private final ReconciliationQueue queue;

	ReconciliationPageController(ReconciliationQueue queue) {
		this.queue = queue;
	}

	@GetMapping("/reconciliation")
	String list(@RequestParam(name = "done", required = false) String done,
			@RequestParam(name = "user", required = false) String user, Model model, Authentication authentication) {
		model.addAttribute("users", this.queue.waiting(LISTED));
		model.addAttribute("whatToCheck", ReconciliationQueue.WHAT_TO_CHECK);
		model.addAttribute("operator", ConsoleRoles.isOperator(authentication));
		// a fixed wording per action: a crafted link shows nothing of its own
		String action = (done != null) ? DONE.get(done) : null;
		if (action != null && user != null && OBJECT_ID.matcher(user).matches()) {
			model.addAttribute("done", "User " + user + ": " + action);
		}
		return "reconciliation/list";
	}

	@PostMapping("/reconciliation/{userId}/record")
	String record(@PathVariable String userId, @RequestParam String accountNumber, @RequestParam String bank,
			@RequestParam String accountName, @RequestParam(required = false) String bankName,
			Authentication authentication, Model model, HttpServletResponse response) {
		requireUserId(userId);
		if (!ACCOUNT_NUMBER.matcher(accountNumber.strip()).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The account number must be 10 digits");
		}
		if (bank.isBlank() || accountName.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The bank and the account name are required");
		}
		boolean done = this.queue
			.recordAccount(userId,
					new ReconciliationQueue.FoundAccount(accountNumber.strip(), bank.strip(),
							(bankName != null) ? bankName.strip() : null, accountName.strip()),
					authentication.getName());
		return answer(done, userId, "recorded", authentication, model, response);
	}

	@PostMapping("/reconciliation/{userId}/dismiss")
	String dismiss(@PathVariable String userId, Authentication authentication, Model model,
			HttpServletResponse response) {
		requireUserId(userId);
		return answer(this.queue.dismiss(userId, authentication.getName()), userId, "dismissed", authentication, model,
				response);
	}

	@PostMapping("/reconciliation/{userId}/release")
	String release(@PathVariable String userId, Authentication authentication, Model model,
			HttpServletResponse response) {
		requireUserId(userId);
		return answer(this.queue.release(userId, authentication.getName()), userId, "released", authentication, model,
				response);
	}

	private String answer(boolean done, String userId, String what, Authentication authentication, Model model,
			HttpServletResponse response) {
		if (!done) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", "User " + userId + " is not waiting for this resolution; nothing changed.");
			return list(null, null, model, authentication);
		}
		logger.info("User {}: {} by operator {}", userId, DONE.get(what), authentication.getName());
		return "redirect:" + UriComponentsBuilder.fromPath("/reconciliation")
			.queryParam("done", what)
			.queryParam("user", userId)
			.encode()
			.build()
			.toUriString();
	}

	private static void requireUserId(String userId) {
		if (!OBJECT_ID.matcher(userId).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A user id is 24 hexadecimal digits");
		}
	}

}
