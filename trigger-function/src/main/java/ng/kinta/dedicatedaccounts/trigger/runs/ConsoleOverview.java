package ng.kinta.dedicatedaccounts.trigger.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The top of {@code /runs}: a header that reads at a glance and the charts of the last
 * {@code app.runs.chart-runs} runs.
 */
@Component
@Conditional(RunsEnabledCondition.class)
class ConsoleOverview {

	/** Runs the backlog trend compares. */
	static final int TREND_RUNS = 8;

	private final RunHistoryQueries history;

	private final ConsoleQueries queries;

	private final RunsProperties properties;

	ConsoleOverview(RunHistoryQueries history, ConsoleQueries queries, RunsProperties properties) {
		this.history = history;
		this.queries = queries;
		this.properties = properties;
	}

	/**
	 * Reads the header and draws the charts.
	 * @param reconciliationWaiting users waiting for an operator
	 * @return the overview
	 */
	Overview read(long reconciliationWaiting) {
		List<RunRow> newestFirst = this.history.recent(this.properties.chartRuns());
		List<RunRow> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		LineChart backlog = LineChart.of(oldestFirst,
				List.of(new LineChart.Line("eligible users remaining", "#1f77b4",
						(run) -> run.counts().remainingUsers()),
						new LineChart.Line("accounts created", "#2ca02c", (run) -> run.counts().successCount()),
						new LineChart.Line("users failed or skipped", "#d62728",
								(run) -> run.counts().failedCount() + run.counts().skippedCount()),
						new LineChart.Line("emails pending", "#ff7f0e", (run) -> run.counts().emailsPending())));
		Header header = new Header(newestFirst.isEmpty() ? null : newestFirst.get(0), this.queries.usersWaiting(),
				Trend.of(newestFirst), this.queries.emailsPending(), reconciliationWaiting);
		return new Overview(header, backlog, oldestFirst, BarChart.of(this.queries.accountsByBank()),
				BarChart.of(this.queries.failuresByReason()));
	}

	/**
	 * The overview.
	 *
	 * @param header the header
	 * @param backlog the chart over the last runs
	 * @param runs the runs drawn, oldest first (the chart's table)
	 * @param accountsByBank accounts the job created, per bank
	 * @param failuresByReason users failing now, per reason
	 */
	record Overview(Header header, LineChart backlog, List<RunRow> runs, BarChart accountsByBank,
			BarChart failuresByReason) {
	}

	/**
	 * The header.
	 *
	 * @param lastRun the newest run, or {@code null} before the first
	 * @param usersWaiting eligible users without an account now
	 * @param trend whether the backlog grows over the last runs
	 * @param emailsPending account emails still to send now
	 * @param reconciliationWaiting users waiting for an operator now
	 */
	record Header(@Nullable RunRow lastRun, long usersWaiting, Trend trend, long emailsPending,
			long reconciliationWaiting) {
	}

	/**
	 * The backlog ({@code remainingUsers}) over the last {@value #TREND_RUNS} completed
	 * runs.
	 *
	 * @param direction {@code growing}, {@code shrinking}, {@code flat}, or
	 * {@code unknown} with fewer than two runs
	 * @param change newest minus oldest of those runs
	 * @param runs how many runs were compared
	 * @param text the trend in words
	 */
	record Trend(String direction, long change, int runs, String text) {

		// completed runs only: a run in progress or failed has no count of its own
		static Trend of(List<RunRow> newestFirst) {
			List<RunRow> completed = newestFirst.stream().filter((run) -> "COMPLETED".equals(run.status())).toList();
			List<RunRow> window = completed.subList(0, Math.min(TREND_RUNS, completed.size()));
			if (window.size() < 2) {
				return new Trend("unknown", 0, window.size(), "not enough runs to tell");
			}
			long change = window.get(0).counts().remainingUsers()
					- window.get(window.size() - 1).counts().remainingUsers();
			if (change == 0) {
				return new Trend("flat", 0, window.size(), "flat over the last " + window.size() + " runs");
			}
			String direction = (change > 0) ? "growing" : "shrinking";
			return new Trend(direction, change, window.size(),
					direction + " by " + Math.abs(change) + " over the last " + window.size() + " runs");
		}

	}

}
