package ng.kinta.dedicatedaccounts.batch.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class RunLogContextTests {

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void runIdsAreInTheMdcDuringTheRunAndTheCallersValuesComeBackAfter() {
		MDC.put(RunLogContext.MESSAGE_ID, "caller");
		JobExecution execution = new JobExecution(12L, new JobInstance(3L, "job"),
				new JobParametersBuilder().addString(RunContextKeys.TRIGGER_SOURCE, "qstash")
					.addString(RunContextKeys.TRIGGER_MESSAGE_ID, "msg_1")
					.toJobParameters());
		RunLogContext context = new RunLogContext();

		context.beforeJob(execution);
		String during = MDC.get(RunLogContext.JOB_EXECUTION_ID) + "/" + MDC.get(RunLogContext.TRIGGER_SOURCE) + "/"
				+ MDC.get(RunLogContext.MESSAGE_ID);
		context.afterJob(execution);

		assertThat(during).isEqualTo("12/qstash/msg_1");
		assertThat(MDC.get(RunLogContext.JOB_EXECUTION_ID)).isNull();
		assertThat(MDC.get(RunLogContext.TRIGGER_SOURCE)).isNull();
		assertThat(MDC.get(RunLogContext.MESSAGE_ID)).isEqualTo("caller");
	}

	@Test
	void decoratedTasksSeeTheSubmittersMdcAndLeaveTheirThreadClean() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			MDC.put(RunLogContext.JOB_EXECUTION_ID, "7");
			CompletableFuture<String> seen = new CompletableFuture<>();
			executor.execute(RunLogContext.taskDecorator()
				.decorate(() -> seen.complete(MDC.get(RunLogContext.JOB_EXECUTION_ID))));
			CompletableFuture<String> after = CompletableFuture
				.supplyAsync(() -> String.valueOf(MDC.get(RunLogContext.JOB_EXECUTION_ID)), executor);

			assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("7");
			assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("null");
		}
		finally {
			executor.shutdownNow();
		}
	}

}
