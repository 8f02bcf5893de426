package ng.kinta.dedicatedaccounts.batch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ng.kinta.dedicatedaccounts.commandline.SpringSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command line of {@code batch-job.jar} as picocli parses it, before any Spring
 * context: commands, usage errors (exit code 2, usage on standard error), help and
 * version.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchJobCommandTests {

	@Test
	void runIsTheDefaultAndSpringSettingsAreSetAside() {
		SpringSettings split = SpringSettings.split(
				new String[] { "--spring.profiles.active=demo", "--app.job.max-users-per-run=5", "--dry-run" },
				SpringSettings.COMMON_PREFIXES);

		assertThat(split.settings()).containsExactly("--spring.profiles.active=demo", "--app.job.max-users-per-run=5");
		assertThat(parse(split.commandArgumentsArray())).isEqualTo(new Command("run", null, true, false));
	}

	@Test
	void readsEveryCommand() {
		assertThat(parse("run", "--dry-run")).isEqualTo(new Command("run", null, true, false));
		assertThat(parse("restart")).isEqualTo(new Command("restart", null, false, false));
		assertThat(parse("restart", "12")).isEqualTo(new Command("restart", 12L, false, false));
		assertThat(parse("recover", "7")).isEqualTo(new Command("recover", 7L, false, false));
		assertThat(parse("executions")).isEqualTo(new Command("executions", null, false, false));
		assertThat(parse("executions", "--json")).isEqualTo(new Command("executions", null, false, true));
	}

	@Test
	void readsTheReconciliationCommands() {
		assertThat(parse("reconciliation").reconciliation().action()).isEqualTo("list");
		assertThat(parse("reconciliation", "--json").json()).isTrue();
		assertThat(parse("reconciliation", "list", "--json").json()).isTrue();
		Command.Reconciliation record = parse("reconciliation", "record", "6b0c7da573bc888c595c3c02",
				"--account-number", "9012345678", "--bank", "palmpay", "--account-name", "Kinta-Ada Obi", "--by", "ada")
			.reconciliation();
		assertThat(record).isEqualTo(new Command.Reconciliation("record", "6b0c7da573bc888c595c3c02", "9012345678",
				"PALMPAY", null, "Kinta-Ada Obi", "ada"));
		assertThat(parse("reconciliation", "release", "6b0c7da573bc888c595c3c02").reconciliation().action())
			.isEqualTo("release");
		assertThat(parse("reconciliation", "dismiss", "6b0c7da573bc888c595c3c02", "--by", "ada").reconciliation().by())
			.isEqualTo("ada");
	}

	@Test
	void reconciliationRefusesAMissingAccountOrAUserIdThatIsNotOne() {
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("reconciliation", "record", "6b0c7da573bc888c595c3c02", "--bank", "PALMPAY"))
			.withMessageContaining("--account-number");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("reconciliation", "release", "ada@example.test"))
			.withMessageContaining("Not a user id");
	}

	@Test
	void rejectsWhatIsNotACommand() {
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse("launch"));
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse("recover"))
			.withMessageContaining("Missing required parameter: 'ID'");
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse("restart", "abc"));
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse("recover", "0"))
			.withMessage("Not a job execution id: 0");
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse("recover", "-3"));
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse("run", "now"));
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse("executions", "--dry-run"));
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> parse("--dry-run", "executions"))
			.withMessage("--dry-run goes with run only");
	}

	@Test
	void settingsOutsideTheBoundPrefixesOrWithoutValueAreUnknownOptions() {
		for (String arg : List.of("--dryrun", "--spring.profiles.active", "--sprng.profiles.active=demo",
				"--MONGO_DB_URI=mongodb://x/y", "--trigger.public-api-url=http://x", "--app.=1", "-x")) {
			SpringSettings split = SpringSettings.split(new String[] { arg }, SpringSettings.COMMON_PREFIXES);
			assertThat(split.settings()).as(arg).isEmpty();
			assertThatExceptionOfType(ParameterException.class).as(arg)
				.isThrownBy(() -> parse(split.commandArgumentsArray()));
		}
	}

	@Test
	void aMisspeltOptionExitsWith2AndPrintsTheUsageAndASuggestion(CapturedOutput output) {
		int exitCode = BatchJobApplication.run(new String[] { "--dryrun" }, (application) -> {
			throw new AssertionError("no Spring application may be built for a usage error");
		});

		assertThat(exitCode).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
		assertThat(output.getErr()).contains("Unknown option: '--dryrun'")
			.contains("--dry-run")
			.contains("Usage: java -jar batch-job.jar");
		assertThat(output.getOut()).isEmpty();
	}

	@Test
	void theValueOfARejectedSettingIsNotRepeated(CapturedOutput output) {
		int exitCode = BatchJobApplication.run(new String[] { "--billstack.secret-key=SECRET-VALUE-123" },
				(application) -> {
					throw new AssertionError("no Spring application may be built for a usage error");
				});

		assertThat(exitCode).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
		assertThat(output.getErr()).contains("Unknown option: '--billstack.secret-key=…'")
			.doesNotContain("SECRET-VALUE-123");
	}

	@Test
	void anUnknownCommandExitsWith2AndPrintsTheUsage(CapturedOutput output) {
		int exitCode = BatchJobApplication.run(new String[] { "launch", "--spring.profiles.active=demo" },
				(application) -> {
					throw new AssertionError("no Spring application may be built for a usage error");
				});

		assertThat(exitCode).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
		assertThat(output.getErr()).contains("launch").contains("Usage: java -jar batch-job.jar");
	}

	@Test
	void helpAndVersionRunInAProcessWithNoEnvironmentAtAll() throws Exception {
		Process help = startWithEmptyEnvironment("--help");
		Process version = startWithEmptyEnvironment("--version");
		Process subcommandHelp = startWithEmptyEnvironment("help", "recover");

		assertThat(exitCode(help)).isZero();
		assertThat(stdout(help)).contains("Usage: java -jar batch-job.jar")
			.contains("--dry-run")
			.contains("executions")
			.contains("Exit codes: 0 completed, 1 failed, 2 usage or configuration error, 3 another run");
		assertThat(exitCode(version)).isZero();
		assertThat(stdout(version)).startsWith("batch-job ");
		assertThat(exitCode(subcommandHelp)).isZero();
		assertThat(stdout(subcommandHelp)).contains("recover").contains("ID");
	}

	private static Command parse(String... args) {
		CommandLine commandLine = BatchJobCommand.commandLine();
		return BatchJobCommand.toCommand(commandLine.parseArgs(args));
	}

	/** This test's classpath, in a JVM started with an empty environment. */
	private static Process startWithEmptyEnvironment(String... args) throws IOException {
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), BatchJobApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
		builder.environment().clear();
		return builder.start();
	}

	private static int exitCode(Process process) throws InterruptedException {
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private static String stdout(Process process) throws IOException {
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

}
