package ng.kinta.dedicatedaccounts.batch.alert;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackAuthenticationException;
import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import ng.kinta.dedicatedaccounts.batch.job.SkippedUser;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Decides, from an ended job execution, whether operators must hear about it, and writes
 * the alert. Reads only what the job already holds in memory (statuses, step counters and
 * the counts and skipped users in the execution contexts), so it costs the job's thread
 * nothing worth measuring.
 */
class AlertComposer {

	private static final String PROVISION_STEP = "provisionAccountsStep";

	private final AlertProperties properties;

	private final BacklogHistory backlog;

	AlertComposer(AlertProperties properties, BacklogHistory backlog) {
		this.properties = properties;
		this.backlog = backlog;
	}

	/**
	 * The alert for an ended job execution.
	 * @param execution the job execution, after the job's own {@code afterJob} listeners
	 * @param firstTime tells whether a kind found for this execution has not been alerted
	 * yet (and remembers it); only such kinds make and shape the alert
	 * @return the alert, or empty when nothing (new) is worth an alert
	 */
	Optional<Alert> compose(JobExecution execution, Predicate<AlertKind> firstTime) {
		Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
		BatchStatus status = execution.getStatus();
		if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
			kinds.add(AlertKind.RUN_FAILED);
		}
		if (billstackRefusedKey(execution)) {
			kinds.add(AlertKind.BILLSTACK_KEY_REFUSED);
		}
		Counts counts = Counts.of(execution);
		if (counts.failed + counts.unusable > 0) {
			kinds.add(AlertKind.USERS_SKIPPED);
		}
		if (counts.emailsPending > this.properties.pendingEmailsThreshold()) {
			kinds.add(AlertKind.EMAILS_PENDING);
		}
		List<SkippedUser> repeated = counts.skipped.stream()
			.filter((user) -> user.attempts() >= this.properties.consecutiveFailuresThreshold())
			.toList();
		if (!repeated.isEmpty()) {
			kinds.add(AlertKind.USER_FAILING_REPEATEDLY);
		}
		ExecutionContext jobContext = execution.getExecutionContext();
		if (jobContext.getLong(RunContextKeys.UNKNOWN_OUTCOMES, 0) > 0) {
			kinds.add(AlertKind.OUTCOME_UNKNOWN);
		}
		if (jobContext.getLong(RunContextKeys.NEEDS_RECONCILIATION, 0) > 0) {
			kinds.add(AlertKind.NEEDS_RECONCILIATION);
		}
		List<Map<?, ?>> unrecorded = unrecordedAccounts(jobContext);
		if (!unrecorded.isEmpty()) {
			kinds.add(AlertKind.ACCOUNT_NOT_RECORDED);
		}
		List<Long> growth = backlogGrowth(execution);
		if (!growth.isEmpty()) {
			kinds.add(AlertKind.BACKLOG_GROWING);
		}
		kinds.removeIf(firstTime.negate());
		if (kinds.isEmpty()) {
			return Optional.empty();
		}
		long id = execution.getId();
		String subject = "dedicated-accounts: run " + id + " ended " + status + " (exit "
				+ execution.getExitStatus().getExitCode() + ")";
		List<String> lines = new ArrayList<>(List.of(text(subject, kinds, counts, repeated).split("\n")));
		lines.addAll(lines.size() - 1, exactlyOnceLines(kinds, jobContext, unrecorded));
		if (kinds.contains(AlertKind.BACKLOG_GROWING)) {
			lines.add(lines.size() - 1,
					"The backlog grew in " + (growth.size() - 1) + " runs in a row (" + growth.get(0) + " -> "
							+ growth.get(growth.size() - 1) + " users waiting): users sign up faster than "
							+ "app.job.max-users-per-run per run can drain.");
		}
		return Optional.of(new Alert(id, kinds, subject, String.join("\n", lines)));
	}

	// the users waiting after each of the last runs, oldest first, when every one of
	// them grew and the run before them did not (one alert per streak); else empty
	private List<Long> backlogGrowth(JobExecution execution) {
		long current = execution.getExecutionContext().getLong(RunContextKeys.REMAINING, -1);
		int runs = this.properties.backlogGrowthRuns();
		if (current < 0 || execution.getStatus() != BatchStatus.COMPLETED) {
			return List.of();
		}
		List<Long> values = new ArrayList<>();
		values.add(current);
		values.addAll(this.backlog.remainingBefore(execution.getId(), runs + 1));
		if (values.size() < runs + 1) {
			return List.of();
		}
		for (int i = 0; i < runs; i++) {
			if (values.get(i) <= values.get(i + 1)) {
				return List.of();
			}
		}
		if (values.size() > runs + 1 && values.get(runs) > values.get(runs + 1)) {
			// the streak was already this long a run ago: alerted then
			return List.of();
		}
		List<Long> oldestFirst = new ArrayList<>(values.subList(0, runs + 1));
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	private static List<String> exactlyOnceLines(Set<AlertKind> kinds, ExecutionContext jobContext,
			List<Map<?, ?>> unrecorded) {
		List<String> lines = new ArrayList<>();
		if (kinds.contains(AlertKind.OUTCOME_UNKNOWN)) {
			lines.add(jobContext.getLong(RunContextKeys.UNKNOWN_OUTCOMES, 0)
					+ " Billstack requests got no answer (read timeout, reset, 504, or \"multiple requests for same"
					+ " email\"): the same bank is asked again after app.billstack.unknown-outcome-backoff.");
		}
		if (kinds.contains(AlertKind.NEEDS_RECONCILIATION)) {
			lines.add(jobContext.getLong(RunContextKeys.NEEDS_RECONCILIATION, 0)
					+ " users need reconciliation: run `java -jar batch-job.jar reconciliation` and check each in"
					+ " Billstack's dashboard.");
		}
		if (kinds.contains(AlertKind.ACCOUNT_NOT_RECORDED)) {
			lines.add("MongoDB refused to record these accounts Billstack created (the next run records them; if it"
					+ " cannot, record each with `reconciliation record`):");
			for (Map<?, ?> account : unrecorded) {
				lines.add("- user " + account.get("userId") + ": account " + account.get("accountNumber") + " at "
						+ account.get("bankCode") + ", name \"" + account.get("accountName") + "\"");
			}
		}
		return lines;
	}

	private static List<Map<?, ?>> unrecordedAccounts(ExecutionContext jobContext) {
		List<Map<?, ?>> accounts = new ArrayList<>();
		if (jobContext.get(RunContextKeys.UNRECORDED_ACCOUNTS) instanceof List<?> list) {
			list.stream().filter(Map.class::isInstance).map((item) -> (Map<?, ?>) item).forEach(accounts::add);
		}
		return accounts;
	}

	private String text(String subject, Set<AlertKind> kinds, Counts counts, List<SkippedUser> repeated) {
		int limit = this.properties.firstReasons();
		List<String> lines = new ArrayList<>();
		lines.add(subject + ".");
		if (kinds.contains(AlertKind.BILLSTACK_KEY_REFUSED)) {
			lines.add(
					"Billstack refused our API key (HTTP 401/403): check BILL_STACK_SECRET_KEY, then restart the run.");
		}
		lines.add(String.format(
				"Users: %d processed, %d accounts created, %d failed, %d skipped (unusable record); emails: %d sent, %d pending.",
				counts.processed, counts.created, counts.failed, counts.unusable, counts.emailsSent,
				counts.emailsPending));
		if (kinds.contains(AlertKind.USERS_SKIPPED)) {
			Map<String, Long> perReason = counts.skipped.stream()
				.collect(Collectors.groupingBy(SkippedUser::reason, LinkedHashMap::new, Collectors.counting()));
			lines.add("Skipped per reason:");
			perReason.entrySet()
				.stream()
				.limit(limit)
				.forEach((entry) -> lines.add("- " + entry.getValue() + " x " + entry.getKey()));
			if (perReason.size() > limit) {
				lines.add("- and " + (perReason.size() - limit) + " more reasons");
			}
			lines.add("First skipped users: " + counts.skipped.stream()
				.limit(limit)
				.map((user) -> user.userId() + " (" + user.reason() + ")")
				.collect(Collectors.joining(", ")));
		}
		if (kinds.contains(AlertKind.EMAILS_PENDING)) {
			lines.add("Account emails pending: " + counts.emailsPending + " (threshold "
					+ this.properties.pendingEmailsThreshold() + "): check the SMTP relay.");
		}
		if (kinds.contains(AlertKind.USER_FAILING_REPEATEDLY)) {
			lines.add("Users who failed " + this.properties.consecutiveFailuresThreshold() + " runs in a row or more: "
					+ repeated.stream()
						.limit(limit)
						.map((user) -> user.userId() + " (" + user.attempts() + ")")
						.collect(Collectors.joining(", "))
					+ ((repeated.size() > limit) ? " and " + (repeated.size() - limit) + " more" : ""));
		}
		lines.add("Kinds: " + kinds);
		return String.join("\n", lines);
	}

	private static boolean billstackRefusedKey(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause()
					: null) {
				if (cause instanceof BillstackAuthenticationException) {
					return true;
				}
			}
		}
		return false;
	}

	/** The run's counts, from the job's step counters and execution contexts. */
	private record Counts(long processed, long created, long failed, long unusable, long emailsSent, long emailsPending,
			List<SkippedUser> skipped) {

		static Counts of(JobExecution execution) {
			long processed = 0;
			long created = 0;
			long failed = 0;
			long unusable = 0;
			long emailsSent = 0;
			List<SkippedUser> skipped = new ArrayList<>();
			for (StepExecution step : execution.getStepExecutions()) {
				ExecutionContext context = step.getExecutionContext();
				emailsSent += context.getLong(RunContextKeys.EMAILS_SENT, 0);
				if (PROVISION_STEP.equals(step.getStepName())) {
					processed = step.getReadCount();
					created = step.getWriteCount();
					failed = context.getLong(RunContextKeys.FAILED, 0);
					unusable = context.getLong(RunContextKeys.UNUSABLE, 0);
					if (context.get(RunContextKeys.SKIPPED_USERS) instanceof List<?> users) {
						users.stream()
							.filter(SkippedUser.class::isInstance)
							.map(SkippedUser.class::cast)
							.forEach(skipped::add);
					}
				}
			}
			long emailsPending = execution.getExecutionContext().getLong(RunContextKeys.EMAILS_PENDING, 0);
			return new Counts(processed, created, failed, unusable, emailsSent, emailsPending, skipped);
		}

	}

}
