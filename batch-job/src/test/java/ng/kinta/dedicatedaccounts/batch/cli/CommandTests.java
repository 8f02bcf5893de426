package ng.kinta.dedicatedaccounts.batch.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandTests {

	@Test
	void runIsTheDefaultAndSpringOptionsAreLeftAlone() {
		assertThat(Command.parse(new String[] { "--spring.profiles.active=demo", "--app.job.max-users-per-run=5" }))
			.isEqualTo(new Command("run", null, false, false));
	}

	@Test
	void readsEveryCommand() {
		assertThat(Command.parse(new String[] { "run", "--dry-run" })).isEqualTo(new Command("run", null, true, false));
		assertThat(Command.parse(new String[] { "restart" })).isEqualTo(new Command("restart", null, false, false));
		assertThat(Command.parse(new String[] { "restart", "12" }))
			.isEqualTo(new Command("restart", 12L, false, false));
		assertThat(Command.parse(new String[] { "recover", "7" })).isEqualTo(new Command("recover", 7L, false, false));
		assertThat(Command.parse(new String[] { "executions" }))
			.isEqualTo(new Command("executions", null, false, false));
		assertThat(Command.parse(new String[] { "--help" }).help()).isTrue();
	}

	@Test
	void rejectsUnknownCommands() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse(new String[] { "launch" }))
			.withMessage("Unknown command: launch");
	}

	@Test
	void recoverNeedsAnId() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse(new String[] { "recover" }))
			.withMessageContaining("needs the id");
	}

	@Test
	void rejectsMalformedIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse(new String[] { "restart", "abc" }))
			.withMessage("Not a job execution id: abc");
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse(new String[] { "recover", "-3" }));
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse(new String[] { "recover", "0" }));
	}

	@Test
	void rejectsExtraArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse(new String[] { "run", "now" }))
			.withMessage("Unexpected argument for run: now");
	}

	@Test
	void dryRunGoesWithRunOnly() {
		assertThatIllegalArgumentException().isThrownBy(() -> Command.parse(new String[] { "executions", "--dry-run" }))
			.withMessage("--dry-run goes with run only");
	}

	@Test
	void usageErrorsExitWithTwoWithoutStarting() {
		assertThat(BatchJobApplication.run(new String[] { "launch" })).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
	}

}
