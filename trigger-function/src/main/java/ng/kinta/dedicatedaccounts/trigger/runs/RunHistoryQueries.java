package ng.kinta.dedicatedaccounts.trigger.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import ng.kinta.dedicatedaccounts.batch.job.SkippedUser;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Reads the run history of {@code createDedicatedAccountsJob} from the Spring Batch job
 * repository; the counts come from {@link JobRunService#summaryOf(long)}, so they match
 * the summary the run answered with. Registered only while both run-history credentials
 * are set.
 */
@Component
@Conditional(RunsEnabledCondition.class)
class RunHistoryQueries {

	static final String JOB_NAME = "createDedicatedAccountsJob";

	static final String PROVISION_STEP = "provisionAccountsStep";

	private final JobRepository jobRepository;

	private final JobRunService jobRunService;

	RunHistoryQueries(JobRepository jobRepository, JobRunService jobRunService) {
		this.jobRepository = jobRepository;
		this.jobRunService = jobRunService;
	}

	/**
	 * A page of runs, newest first.
	 * @param page page number, from 0
	 * @param size runs per page, at least 1
	 * @return the page (empty past the last one)
	 */
	RunPage page(int page, int size) {
		long total = runCount();
		List<RunRow> rows = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.getJobInstances(JOB_NAME, page * size, size)) {
			this.jobRepository.getJobExecutions(instance)
				.stream()
				.sorted(Comparator.comparingLong(JobExecution::getId).reversed())
				.forEach((execution) -> rows.add(row(execution)));
		}
		int pages = (int) ((total + size - 1) / size);
		return new RunPage(page, size, total, pages, rows);
	}

	/**
	 * The newest job executions, restarts included.
	 * @param count how many at most
	 * @return them, newest first
	 */
	List<RunRow> recent(int count) {
		List<RunRow> rows = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.getJobInstances(JOB_NAME, 0, count)) {
			this.jobRepository.getJobExecutions(instance)
				.stream()
				.sorted(Comparator.comparingLong(JobExecution::getId).reversed())
				.forEach((execution) -> rows.add(row(execution)));
		}
		rows.sort(Comparator.comparingLong(RunRow::id).reversed());
		return List.copyOf(rows.subList(0, Math.min(count, rows.size())));
	}

	/**
	 * One job execution with its steps and skipped users.
	 * @param jobExecutionId the job execution
	 * @return the detail, or empty when there is no such job execution of this job
	 */
	Optional<RunDetail> detail(long jobExecutionId) {
		JobExecution execution = find(jobExecutionId);
		if (execution == null || !JOB_NAME.equals(execution.getJobInstance().getJobName())) {
			return Optional.empty();
		}
		List<RunDetail.Step> steps = execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparingLong(StepExecution::getId))
			.map(RunHistoryQueries::step)
			.toList();
		List<SkippedUser> skipped = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			if (PROVISION_STEP.equals(step.getStepName())
					&& step.getExecutionContext().get(RunContextKeys.SKIPPED_USERS) instanceof List<?> users) {
				users.stream().filter(SkippedUser.class::isInstance).map(SkippedUser.class::cast).forEach(skipped::add);
			}
		}
		return Optional.of(new RunDetail(row(execution), steps, skipped));
	}

	/**
	 * Whether a job execution is the newest of its job instance: only that one may be
	 * restarted (an older one was restarted already).
	 * @param jobExecutionId the job execution
	 * @return {@code true} when no later execution of its instance exists
	 */
	boolean isNewestOfItsInstance(long jobExecutionId) {
		JobExecution execution = find(jobExecutionId);
		if (execution == null) {
			return false;
		}
		JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
		return last != null && last.getId() == jobExecutionId;
	}

	private JobExecution find(long jobExecutionId) {
		try {
			return this.jobRepository.getJobExecution(jobExecutionId);
		}
		catch (EmptyResultDataAccessException ex) {
			// the JDBC job repository throws for an unknown id instead of answering null
			return null;
		}
	}

	private long runCount() {
		try {
			return this.jobRepository.getJobInstanceCount(JOB_NAME);
		}
		catch (NoSuchJobException ex) {
			// no run yet
			return 0;
		}
	}

	private RunRow row(JobExecution execution) {
		long id = execution.getId();
		RunSummary.Counts counts = this.jobRunService.summaryOf(id)
			.map(RunSummary::data)
			.orElse(RunSummary.Counts.NONE);
		Long duration = (execution.getStartTime() != null && execution.getEndTime() != null)
				? Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() : null;
		return new RunRow(id, execution.getJobInstance().getInstanceId(), execution.getStatus().name(),
				execution.getExitStatus().getExitCode(), execution.getStartTime(), execution.getEndTime(), duration,
				execution.getJobParameters().getString(RunContextKeys.TRIGGER_SOURCE),
				execution.getJobParameters().getString(RunContextKeys.TRIGGER_MESSAGE_ID), counts);
	}

	private static RunDetail.Step step(StepExecution step) {
		return new RunDetail.Step(step.getStepName(), step.getStatus().name(), step.getExitStatus().getExitCode(),
				step.getReadCount(), step.getWriteCount(), step.getSkipCount(), step.getCommitCount(),
				step.getStartTime(), step.getEndTime());
	}

}
