package ng.kinta.dedicatedaccounts.trigger.runs;

import jakarta.servlet.http.HttpServletResponse;
import ng.kinta.dedicatedaccounts.batch.explain.ReconciliationQueue;
import ng.kinta.dedicatedaccounts.batch.run.JobExecutionNotFoundException;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
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

/**
 * {@code GET /runs} (header, charts, the run history) and {@code GET /runs/{id}} as HTML
 * (Thymeleaf), and {@code POST /runs/{id}/restart}, the operator's restart of a failed or
 * stopped run (CSRF-protected, operator role only).
 */
@Controller
@Conditional(RunsEnabledCondition.class)
class RunsPageController {

	private static final Logger logger = LoggerFactory.getLogger(RunsPageController.class);

	private final RunHistoryQueries history;

	private final ConsoleOverview overview;

	private final ReconciliationQueue reconciliation;

	private final JobRunService jobRunService;

	RunsPageController(RunHistoryQueries history, ConsoleOverview overview, ReconciliationQueue reconciliation,
			JobRunService jobRunService) {
		this.history = history;
		this.overview = overview;
		this.reconciliation = reconciliation;
		this.jobRunService = jobRunService;
	}

	@GetMapping("/runs")
	String runs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		model.addAttribute("runs",
				this.history.page(RunsApiController.checkedPage(page), RunsApiController.checkedSize(size)));
		model.addAttribute("overview", this.overview.read(this.reconciliation.count()));
		return "runs/list";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model, Authentication authentication) {
		RunDetail detail = this.history.detail(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No run with job execution id " + id));
		model.addAttribute("detail", detail);
		model.addAttribute("restartable", isRestartable(detail.run()) && this.history.isNewestOfItsInstance(id));
		model.addAttribute("operator", ConsoleRoles.isOperator(authentication));
		return "runs/detail";
	}

	/*
	 * Runs the restart in the request, as the command line does: the answer is the run's
	 * summary, or 409 while another run holds the lease.
	 */
	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, Model model, Authentication authentication, HttpServletResponse response) {
		RunDetail detail = this.history.detail(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No run with job execution id " + id));
		if (!isRestartable(detail.run()) || !this.history.isNewestOfItsInstance(id)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Run " + id + " ended " + detail.run().status()
					+ ": only the newest execution of a failed or stopped run is restarted");
		}
		logger.info("Restart of job execution {} asked for by operator {}", id, authentication.getName());
		model.addAttribute("restarted", id);
		try {
			RunSummary summary = this.jobRunService.restart(id);
			model.addAttribute("summary", summary);
			return "runs/restarted";
		}
		catch (RunInProgressException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", "Another run is in progress: " + ex.getMessage());
			return "runs/restarted";
		}
		catch (JobExecutionNotFoundException | IllegalStateException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", "Run " + id + " cannot be restarted: " + ex.getMessage());
			return "runs/restarted";
		}
	}

	private static boolean isRestartable(RunRow run) {
		return "FAILED".equals(run.status()) || "STOPPED".equals(run.status());
	}

}
