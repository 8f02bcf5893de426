package ng.kinta.dedicatedaccounts.trigger.runs;

import java.util.List;

/**
 * One page of the run history, newest run first. Pages count runs (job instances); a run
 * and its restarts stay on one page, one row per job execution.
 *
 * @param page page number, from 0
 * @param size runs per page
 * @param totalRuns runs (job instances) in the history
 * @param totalPages pages in the history
 * @param executions the job executions of this page's runs, newest first
 */
record RunPage(int page, int size, long totalRuns, int totalPages, List<RunRow> executions) {

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < this.totalPages;
	}

}
