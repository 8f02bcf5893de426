package ng.kinta.dedicatedaccounts.admin.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ng.kinta.dedicatedaccounts.admin.QstashAdminApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line of {@code qstash-admin.jar}, parsed before any Spring context: help
 * needs no {@code QSTASH_TOKEN} and starts no web server; usage errors exit 2.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminCommandLineTests {

	@Test
	void usageErrorsExitWith2BeforeAnyContextStarts(CapturedOutput output) {
		for (String[] args : List.of(new String[] { "frobnicate" }, new String[] { "delete" },
				new String[] { "list", "extra" }, new String[] { "--dry-run" },
				new String[] { "list", "--trigger.signing.current-key=x" })) {
			// a context would fail here: no QSTASH_TOKEN, and this class is no
			// application
			assertThat(AdminCommandLine.run(args, Object.class)).as(String.join(" ", args)).hasValue(2);
		}
		assertThat(output.getErr()).contains("Usage: java -jar qstash-admin.jar").contains("Did you mean");
		assertThat(output.getOut()).isEmpty();
		assertThat(output.getAll()).doesNotContain("Tomcat").doesNotContain("APPLICATION FAILED TO START");
	}

	@Test
	void helpAndVersionRunInAProcessWithNoEnvironmentAtAll() throws Exception {
		Process help = startWithEmptyEnvironment("--help");
		Process helpCommand = startWithEmptyEnvironment("help", "delete");
		Process version = startWithEmptyEnvironment("--version");

		assertThat(exitCode(help)).isZero();
		assertThat(stdout(help)).contains("Usage: java -jar qstash-admin.jar")
			.contains("init-cron")
			.doesNotContain("Tomcat");
		assertThat(exitCode(helpCommand)).isZero();
		assertThat(stdout(helpCommand)).contains("delete").contains("ID");
		assertThat(exitCode(version)).isZero();
		assertThat(stdout(version)).startsWith("qstash-admin ");
	}

	/** This test's classpath, in a JVM started with an empty environment. */
	private static Process startWithEmptyEnvironment(String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), QstashAdminApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().clear();
		return builder.start();
	}

	private static int exitCode(Process process) throws InterruptedException {
		// a web server would never end by itself
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private static String stdout(Process process) throws IOException {
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

}
