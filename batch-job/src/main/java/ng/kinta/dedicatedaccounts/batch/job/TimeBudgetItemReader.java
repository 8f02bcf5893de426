package ng.kinta.dedicatedaccounts.batch.job;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Ends the input once the run's time budget is spent, so the step completes cleanly and
 * the users not read yet are left for the next run; or once a {@link GracefulStop} is
 * requested, and then the step ends {@code STOPPED} (restartable).
 *
 * @param <T> the item type
 */
class TimeBudgetItemReader<T> implements ItemStreamReader<T>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(TimeBudgetItemReader.class);

	private final ItemStreamReader<T> delegate;

	private final JobProperties properties;

	private final Clock clock;

	private final GracefulStop gracefulStop;

	private volatile StepExecution stepExecution;

	private volatile RunDeadline deadline;

	private volatile boolean exhausted;

	TimeBudgetItemReader(ItemStreamReader<T> delegate, JobProperties properties, Clock clock,
			GracefulStop gracefulStop) {
		this.delegate = delegate;
		this.properties = properties;
		this.clock = clock;
		this.gracefulStop = gracefulStop;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.deadline = RunDeadline.of(stepExecution.getJobExecution(), this.properties, this.clock);
		this.exhausted = false;
	}

	@Override
	public @Nullable T read() throws Exception {
		if (this.exhausted) {
			return null;
		}
		if (this.gracefulStop.isRequested()) {
			this.exhausted = true;
			// the step then ends STOPPED, not COMPLETED, so the run can be restarted
			this.stepExecution.setTerminateOnly();
			logger.warn("Stop requested: no new users taken; the users not read yet stay claimed for a restart");
			return null;
		}
		if (this.deadline != null && this.deadline.isPassed()) {
			this.exhausted = true;
			logger.info("Time budget of {} spent: no new users taken, the rest is left for the next run",
					this.properties.timeBudget());
			return null;
		}
		return this.delegate.read();
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.delegate.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		this.delegate.update(executionContext);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
