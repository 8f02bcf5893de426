package ng.kinta.dedicatedaccounts.batch.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

/**
 * {@code batch-job run} as a separate JVM against the in-process services (another host,
 * or another process on this one), and the signals a test sends it.
 */
final class ChildRun {

	private ChildRun() {
	}

	/**
	 * Starts a run in a new process: concurrency 2, chunks of 4, a 10 s read timeout.
	 * @param batchDbUrl the job repository's JDBC URL
	 * @param stdout where its summary goes (its log goes to {@code stdout + ".err"})
	 * @param settings further {@code --name=value} settings
	 * @return the process
	 * @throws IOException when it cannot be started
	 */
	static Process start(String batchDbUrl, Path stdout, String... settings) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), BatchJobApplication.class.getName(), "run",
						"--spring.profiles.active=test", "--spring.datasource.url=" + batchDbUrl,
						"--app.job.concurrency=2", "--app.job.chunk-size=4", "--app.billstack.read-timeout=10s"));
		command.addAll(List.of(settings));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
			.redirectError(new File(stdout + ".err"));
		builder.environment().putAll(InProcessServices.properties());
		return builder.start();
	}

	/**
	 * Sends a signal with {@code kill}.
	 * @param process the process
	 * @param signal {@code STOP} or {@code CONT}
	 * @throws Exception when {@code kill} fails
	 */
	static void signal(Process process, String signal) throws Exception {
		Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IllegalStateException("kill -" + signal + " failed");
		}
	}

	/**
	 * Waits until the Billstack stand-in has received {@code count} requests.
	 * @param count the requests
	 */
	static void awaitBillstackRequests(int count) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> billstackRequests() >= count);
	}

	static int billstackRequests() {
		return InProcessServices.BILLSTACK.findAll(postRequestedFor(urlPathEqualTo(BillstackStubs.PATH))).size();
	}

}
