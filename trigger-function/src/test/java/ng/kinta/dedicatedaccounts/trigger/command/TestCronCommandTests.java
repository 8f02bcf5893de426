package ng.kinta.dedicatedaccounts.trigger.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCronCommandTests {

	static final String[] DEMO = { "--spring.profiles.active=demo" };

	@Test
	void recognisesTheCommandAsFirstNonOptionArgument() {
		assertThat(TestCronCommand.isRequested(new String[] { "test-cron" })).isTrue();
		assertThat(TestCronCommand
			.isRequested(new String[] { "--spring.profiles.active=demo", "test-cron", "http://localhost:1/x" }))
			.isTrue();
		assertThat(TestCronCommand.isRequested(new String[] {})).isFalse();
		assertThat(TestCronCommand.isRequested(new String[] { "--server.port=9090" })).isFalse();
		assertThat(TestCronCommand.isRequested(new String[] { "run", "test-cron" })).isFalse();
	}

	@Test
	void tooManyArgumentsIsAUsageError() {
		assertThat(TestCronCommand.run(new String[] { "test-cron", "http://a", "http://b" })).isEqualTo(2);
	}

	@Test
	void missingConfigurationIsAConfigurationError() {
		assertThat(TestCronCommand.run(new String[] { "test-cron", "http://localhost:1/x" })).isEqualTo(2);
	}

	@Test
	void unreachableServerExitsWith1() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		PrintStream original = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exitCode;
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			exitCode = TestCronCommand.run(new String[] { "test-cron",
					"http://localhost:" + closedPort + "/api/cron/create-dedicated-accounts", DEMO[0] });
		}
		finally {
			System.setOut(original);
		}
		assertThat(exitCode).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("failed")
			.doesNotContain("sig_DemoCurrentKeyNotASecret0001");
	}

}
