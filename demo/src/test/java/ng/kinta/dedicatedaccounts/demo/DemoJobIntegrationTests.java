package ng.kinta.dedicatedaccounts.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo.jar} as a newcomer uses it: the job's command line on the stand-ins, run
 * after run, on the sample data kept in a data folder between runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoJobIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void demoRunsWorkThroughTheSampleDataAndKeepAHistory(@TempDir Path data, CapturedOutput output) {
		// a dry run lists who would be processed and changes nothing
		Invocation dryRun = invoke(output, data, "run", "--dry-run");
		assertThat(dryRun.exitCode()).isZero();
		assertThat(dryRun.stdout().lines().filter((line) -> line.startsWith("would process user "))).hasSize(50);
		assertThat(dryRun.summary().path("data").path("totalUsersWithoutAccounts").asLong()).isEqualTo(153);
		assertThat(dryRun.summary().path("jobExecutionId").isNull()).isTrue();

		// five runs: 50, 50, 50, 3, then nothing to do
		List<Long> processed = new ArrayList<>();
		List<Long> remaining = new ArrayList<>();
		for (int run = 0; run < 5; run++) {
			Invocation invocation = invoke(output, data, "run");
			assertThat(invocation.exitCode()).isZero();
			assertThat(invocation.summary().path("status").asString()).isEqualTo("ok");
			processed.add(invocation.summary().path("data").path("processedInThisRun").asLong());
			remaining.add(invocation.summary().path("data").path("remainingUsers").asLong());
		}
		assertThat(processed).containsExactly(50L, 50L, 50L, 3L, 0L);
		assertThat(remaining).containsExactly(103L, 53L, 3L, 0L, 0L);

		// the history lists those runs
		Invocation executions = invoke(output, data, "executions");
		assertThat(executions.exitCode()).isZero();
		assertThat(executions.stdout().lines().filter((line) -> line.contains("COMPLETED"))).hasSize(5);

		// nothing failed, so there is nothing to restart or recover
		assertThat(invoke(output, data, "restart").exitCode()).isEqualTo(1);
		assertThat(invoke(output, data, "recover", "1").exitCode()).isEqualTo(1);

		assertThat(output.getAll()).doesNotContain("FIXTURESECRET").doesNotContain("@example.test");
	}

	@Test
	void demoBanksCanFailAndUsersStillGetAccountsFromTheOthers(@TempDir Path data, CapturedOutput output) {
		Invocation run = invoke(output, data, "run", "--app.job.max-users-per-run=8",
				"--app.billstack.read-timeout=500ms", "--app.demo.billstack.failures.PALMPAY=http-500",
				"--app.demo.billstack.failures.9PSB=status-false", "--app.demo.billstack.failures.BANKLY=http-503");

		assertThat(run.exitCode()).isZero();
		assertThat(run.summary().path("data").path("successCount").asLong()).isEqualTo(8);
		assertThat(run.summary().path("data").path("failedCount").asLong()).isZero();
		assertThat(output.getAll()).containsPattern("Billstack created account \\d+ at PROVIDUS")
			.doesNotContainPattern("Billstack created account \\d+ at PALMPAY");
	}

	private Invocation invoke(CapturedOutput output, Path data, String... command) {
		int start = output.getOut().length();
		List<String> args = new ArrayList<>(List.of(command));
		args.add("--app.demo.data-dir=" + data);
		args.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("batch") + ";AUTO_SERVER=TRUE");
		int exitCode = DemoApplication.run(args.toArray(String[]::new)).getAsInt();
		String stdout = output.getOut().substring(start);
		JsonNode summary = stdout.lines()
			.filter((line) -> line.startsWith("{"))
			.reduce((first, second) -> second)
			.map(this.json::readTree)
			.orElse(null);
		return new Invocation(exitCode, stdout, summary);
	}

	private record Invocation(int exitCode, String stdout, JsonNode summary) {
	}

}
