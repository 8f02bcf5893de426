package ng.kinta.dedicatedaccounts.trigger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line of {@code trigger-function.jar}, parsed before any Spring context:
 * usage errors exit 2 with the usage and start nothing; help and version need no
 * environment.
 */
@ExtendWith(OutputCaptureExtension.class)
class TriggerCommandLineTests {

	@Test
	void unknownCommandsOptionsAndSettingsExitWith2AndStartNothing(CapturedOutput output) {
		for (String[] args : List.of(new String[] { "tset-cron" }, new String[] { "test-cron", "http://a", "http://b" },
				new String[] { "--port=9090" }, new String[] { "--qstash.token=x" },
				new String[] { "test-cron", "--server.port" })) {
			OptionalInt exitCode = TriggerFunctionApplication.run(args, (application) -> {
				throw new AssertionError("no Spring application may be built for a usage error");
			});
			assertThat(exitCode).as(String.join(" ", args)).hasValue(2);
		}
		assertThat(output.getErr()).contains("Usage: java -jar trigger-function.jar")
			.contains("Unmatched argument at index 0: 'tset-cron'")
			.contains("Did you mean: trigger-function test-cron?");
		assertThat(output.getOut()).isEmpty();
	}

	@Test
	void helpAndVersionRunInAProcessWithNoEnvironmentAtAll() throws Exception {
		Process help = startWithEmptyEnvironment("--help");
		Process testCronHelp = startWithEmptyEnvironment("test-cron", "--help");
		Process version = startWithEmptyEnvironment("--version");

		assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(help.exitValue()).isZero();
		assertThat(stdout(help)).contains("Usage: java -jar trigger-function.jar").contains("test-cron");
		assertThat(testCronHelp.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(testCronHelp.exitValue()).isZero();
		assertThat(stdout(testCronHelp)).contains("URL");
		assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(version.exitValue()).isZero();
		assertThat(stdout(version)).startsWith("trigger-function ");
	}

	/** This test's classpath, in a JVM started with an empty environment. */
	private static Process startWithEmptyEnvironment(String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), TriggerFunctionApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().clear();
		return builder.start();
	}

	private static String stdout(Process process) throws IOException {
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

}
