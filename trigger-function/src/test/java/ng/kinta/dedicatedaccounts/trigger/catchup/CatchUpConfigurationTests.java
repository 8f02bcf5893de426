package ng.kinta.dedicatedaccounts.trigger.catchup;

import java.time.Duration;

import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunProperties;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The switch, the start-up line and the checks of {@code app.catch-up.*}. */
@ExtendWith(OutputCaptureExtension.class)
class CatchUpConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(CatchUpConfiguration.class)
		.withBean(JobRunService.class, () -> mock(JobRunService.class))
		.withBean(TriggerProperties.class,
				() -> new TriggerProperties("https://trigger.example.test",
						new TriggerProperties.Signing("sig_a", "sig_b", Duration.ofSeconds(5),
								org.springframework.util.unit.DataSize.ofKilobytes(8),
								org.springframework.util.unit.DataSize.ofKilobytes(64))))
		.withBean(RunProperties.class, () -> new RunProperties(Duration.ofSeconds(60), Duration.ofSeconds(60)));

	@Test
	void withoutATokenCatchUpsAreOffAndOneInfoLineSaysWhy(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CatchUps.class)).isSameAs(CatchUps.OFF);
		});
		assertThat(output.getAll()).containsOnlyOnce("Catch-up runs are off: QSTASH_TOKEN is not set on the trigger");
	}

	@Test
	void aTokenSwitchesThemOnUnlessTheSwitchSaysOff() {
		this.runner.withPropertyValues("app.catch-up.qstash.token=tok_on").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CatchUps.class)).isNotSameAs(CatchUps.OFF);
		});
		this.runner.withPropertyValues("app.catch-up.qstash.token=tok_on", "app.catch-up.enabled=false")
			.run((context) -> assertThat(context.getBean(CatchUps.class)).isSameAs(CatchUps.OFF));
	}

	@Test
	void aDelayNotLongerThanTheRunLeaseFailsTheStart() {
		this.runner.withPropertyValues("app.catch-up.qstash.token=tok_on", "app.catch-up.delay=60s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("app.catch-up.delay: must be longer than app.run.lease-duration (60s)"));
	}

	@Test
	void switchedOnWithoutATokenFailsTheStartNamingIt() {
		this.runner.withPropertyValues("app.catch-up.enabled=true")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("QSTASH_TOKEN"));
	}

	@Test
	void theTokenIsNeverPrinted() {
		assertThat(new CatchUpProperties.Qstash("https://qstash.upstash.io", "tok_secret", Duration.ofSeconds(1),
				Duration.ofSeconds(1))
			.toString()).doesNotContain("tok_secret");
	}

}
