package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.batch.core.job.JobExecution;

/**
 * The time after which a run takes no new work: its job execution's start plus the time
 * budget.
 */
final class RunDeadline {

	private final Instant deadline;

	private final Clock clock;

	private RunDeadline(Instant deadline, Clock clock) {
		this.deadline = deadline;
		this.clock = clock;
	}

	static RunDeadline of(JobExecution jobExecution, JobProperties properties, Clock clock) {
		LocalDateTime start = jobExecution.getStartTime();
		// the job repository stores local times
		Instant started = (start != null) ? start.atZone(ZoneId.systemDefault()).toInstant() : clock.instant();
		return new RunDeadline(started.plus(properties.timeBudget()), clock);
	}

	boolean isPassed() {
		return !this.clock.instant().isBefore(this.deadline);
	}

}
