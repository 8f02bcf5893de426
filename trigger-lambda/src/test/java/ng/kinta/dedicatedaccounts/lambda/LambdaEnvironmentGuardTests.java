package ng.kinta.dedicatedaccounts.lambda;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the function refuses on AWS Lambda before anything connects, and what it enforces
 * everywhere.
 */
class LambdaEnvironmentGuardTests {

	private final LambdaEnvironmentGuard guard = new LambdaEnvironmentGuard();

	@Test
	void onLambdaAnH2JobRepositoryIsRefusedSayingWhy() {
		MockEnvironment environment = onLambda().withProperty("spring.datasource.url",
				"jdbc:h2:file:/tmp/batch;AUTO_SERVER=TRUE");

		assertThatIllegalStateException().isThrownBy(() -> this.guard.postProcessEnvironment(environment, null))
			.withMessageContaining("BATCH_DB_URL is an H2 database (jdbc:h2:file:/tmp/batch)")
			.withMessageContaining("/tmp is private to each execution environment")
			.withMessageContaining("jdbc:postgresql://");
	}

	@Test
	void onLambdaTheDefaultJobRepositoryIsRefusedToo() {
		// batch-job.yml's default when BATCH_DB_URL is unset
		MockEnvironment environment = onLambda().withProperty("spring.datasource.url",
				"jdbc:h2:file:./data/batch;AUTO_SERVER=TRUE");

		assertThatIllegalStateException().isThrownBy(() -> this.guard.postProcessEnvironment(environment, null))
			.withMessageContaining("BATCH_DB_URL");
	}

	@Test
	void onLambdaPostgresqlIsAccepted() {
		MockEnvironment environment = onLambda().withProperty("spring.datasource.url",
				"jdbc:postgresql://db.example:5432/batch");

		assertThatNoException().isThrownBy(() -> this.guard.postProcessEnvironment(environment, null));
	}

	@Test
	void offLambdaH2IsLeftAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:tests");

		assertThatNoException().isThrownBy(() -> this.guard.postProcessEnvironment(environment, null));
	}

	@Test
	void aSnapStartRestoreIsRefused() {
		MockEnvironment environment = onLambda()
			.withProperty(LambdaEnvironmentGuard.INITIALIZATION_TYPE_VARIABLE, "snap-start")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/batch");

		assertThatIllegalStateException().isThrownBy(() -> this.guard.postProcessEnvironment(environment, null))
			.withMessageContaining("SnapStart is not supported");
	}

	@Test
	void theAdaptersEventLoggingIsOffAndNoWebServerStartsWhateverIsConfigured() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty(LambdaEnvironmentGuard.ADAPTER_EVENT_LOGGER, "DEBUG")
			.withProperty("spring.main.web-application-type", "servlet");

		this.guard.postProcessEnvironment(environment, null);

		assertThat(environment.getProperty(LambdaEnvironmentGuard.ADAPTER_EVENT_LOGGER)).isEqualTo("WARN");
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void theApplicationDoesNotStartOnLambdaWithAnH2JobRepository() {
		SpringApplication application = new SpringApplicationBuilder(TriggerLambdaApplication.class)
			.web(WebApplicationType.NONE)
			.properties("AWS_LAMBDA_FUNCTION_NAME=trigger", "BATCH_DB_URL=jdbc:h2:mem:refused")
			.build();

		assertThatIllegalStateException().isThrownBy(application::run)
			.withMessageContaining("BATCH_DB_URL is an H2 database");
	}

	private static MockEnvironment onLambda() {
		return new MockEnvironment().withProperty(LambdaEnvironmentGuard.FUNCTION_NAME_VARIABLE, "trigger");
	}

}
