package ng.kinta.dedicatedaccounts.trigger.command;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TestCronCommandTests {

	private static final String CURRENT_KEY = "sig_TestCronCurrentKey0000000001";

	@Test
	void missingConfigurationIsAConfigurationError() {
		assertThat(TestCronCommand.run("http://localhost:1/x", new String[0], (application) -> {
		})).isEqualTo(2);
	}

	@Test
	void unreachableServerExitsWith1WithoutShowingTheKey(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		int exitCode = TestCronCommand.run("http://localhost:" + closedPort + "/api/cron/create-dedicated-accounts",
				new String[] { "--trigger.signing.current-key=" + CURRENT_KEY,
						"--trigger.signing.next-key=sig_TestCronNextKey000000000000002",
						"--trigger.public-api-url=http://localhost:8080" },
				(application) -> {
				});

		assertThat(exitCode).isEqualTo(1);
		assertThat(output.getOut()).contains("failed");
		assertThat(output.getAll()).doesNotContain(CURRENT_KEY);
	}

}
