package ng.kinta.dedicatedaccounts.trigger.runs;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/runs?page=0&size=20} (a {@link RunPage}) and {@code GET /api/runs/{id}}
 * (a {@link RunDetail}): the run history as JSON.
 */
@RestController
@Conditional(RunsEnabledCondition.class)
class RunsApiController {

	static final int MAX_SIZE = 100;

	private final RunHistoryQueries history;

	RunsApiController(RunHistoryQueries history) {
		this.history = history;
	}

	@GetMapping("/api/runs")
	RunPage runs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.history.page(checkedPage(page), checkedSize(size));
	}

	@GetMapping("/api/runs/{id}")
	RunDetail run(@PathVariable long id) {
		return this.history.detail(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No run with job execution id " + id));
	}

	static int checkedPage(int page) {
		if (page < 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more, was " + page);
		}
		return page;
	}

	static int checkedSize(int size) {
		if (size < 1 || size > MAX_SIZE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"size must be between 1 and " + MAX_SIZE + ", was " + size);
		}
		return size;
	}

}
