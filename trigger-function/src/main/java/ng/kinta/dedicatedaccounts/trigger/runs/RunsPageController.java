package ng.kinta.dedicatedaccounts.trigger.runs;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /runs} and {@code GET /runs/{id}}: the run history as HTML (Thymeleaf). */
@Controller
@Conditional(RunsEnabledCondition.class)
class RunsPageController {

	private final RunHistoryQueries history;

	RunsPageController(RunHistoryQueries history) {
		this.history = history;
	}

	@GetMapping("/runs")
	String runs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		model.addAttribute("runs",
				this.history.page(RunsApiController.checkedPage(page), RunsApiController.checkedSize(size)));
		return "runs/list";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("detail", this.history.detail(id)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No run with job execution id " + id)));
		return "runs/detail";
	}

}
