package ng.kinta.dedicatedaccounts.trigger.runs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code RUNS_USERNAME} and {@code RUNS_PASSWORD} the run history is off: its
 * paths answer 404, with or without credentials.
 */
@SpringBootTest(classes = RunsDisabledIntegrationTests.RunsOnlyApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "app.runs.username=", "app.runs.password=",
				// no MongoDB here: the readiness group names its contributor
				"management.endpoint.health.validate-group-membership=false" })
class RunsDisabledIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void pageAndApiAnswerNotFound() {
		assertThat(status("/api/runs", false)).isEqualTo(404);
		assertThat(status("/api/runs", true)).isEqualTo(404);
		assertThat(status("/runs", false)).isEqualTo(404);
		assertThat(status("/runs/1", true)).isEqualTo(404);
	}

	private int status(String path, boolean withCredentials) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).headers((headers) -> {
			if (withCredentials) {
				headers.set(HttpHeaders.AUTHORIZATION,
						"Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
			}
		}).retrieve().onStatus((code) -> true, (request, response) -> {
		}).toBodilessEntity().getStatusCode().value();
	}

	/**
	 * The run-history package alone, with auto-configured web and security; the job's
	 * infrastructure stays off (the history is never read while it is off).
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
			"org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
			"org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration" })
	@ComponentScan(basePackageClasses = RunsSecurityConfiguration.class)
	static class RunsOnlyApplication {

	}

}
