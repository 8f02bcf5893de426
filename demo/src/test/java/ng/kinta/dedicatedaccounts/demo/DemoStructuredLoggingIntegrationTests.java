package ng.kinta.dedicatedaccounts.demo;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch-job.jar} with Spring Boot's structured logging: the log lines are JSON on
 * standard error, each line of the run carrying the run's ids, and standard output still
 * holds the summary alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoStructuredLoggingIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	// Spring Boot configures logging once per JVM (tests share one) and keeps the format
	// in a system property: start from scratch, and leave no JSON behind
	@BeforeEach
	@AfterEach
	void resetLogging() {
		System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
	}

	@Test
	void logstashLinesGoToStandardErrorWithTheRunIdsAndTheSummaryAloneToStandardOutput(@TempDir Path data,
			CapturedOutput output) {
		int exitCode = DemoApplication
			.run(new String[] { "run", "--app.demo.data-dir=" + data, "--app.job.max-users-per-run=4",
					"--spring.datasource.url=jdbc:h2:file:" + data.resolve("batch") + ";AUTO_SERVER=TRUE",
					"--logging.structured.format.console=logstash" })
			.getAsInt();

		assertThat(exitCode).isZero();
		List<String> stdout = output.getOut().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(stdout).hasSize(1);
		JsonNode summary = this.json.readTree(stdout.get(0));
		assertThat(summary.path("data").path("successCount").asLong()).isEqualTo(4);
		String jobExecutionId = summary.path("jobExecutionId").asString();

		List<JsonNode> logLines = output.getErr()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map(this.json::readTree)
			.toList();
		assertThat(logLines).isNotEmpty().allSatisfy((line) -> assertThat(line.has("@timestamp")).isTrue());
		List<JsonNode> userLines = logLines.stream()
			.filter((line) -> line.path("message").asString().startsWith("User "))
			.toList();
		assertThat(userLines).hasSizeGreaterThanOrEqualTo(8).allSatisfy((line) -> {
			assertThat(line.path("jobExecutionId").asString()).isEqualTo(jobExecutionId);
			assertThat(line.path("triggerSource").asString()).isEqualTo("cli");
		});
		assertThat(userLines)
			.anySatisfy((line) -> assertThat(line.path("thread_name").asString()).startsWith("billstack-"));
	}

}
