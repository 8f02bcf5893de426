package ng.kinta.dedicatedaccounts.batch;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.validation.constraints.NotBlank;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;

/*
 * Everything the job needs (job configuration, Billstack client, mail, MongoDB access,
 * the {@link ng.kinta.dedicatedaccounts.batch.run.JobRunService}), without the command
 * line. Applications that launch the job import this class and
 * {@code classpath:batch-job.yml}; the command line lives in {@code BatchJobApplication}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "ng\\.kinta\\.dedicatedaccounts\\.batch\\.cli\\..*"))
@ConfigurationPropertiesScan
public class DedicatedAccountsBatchConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/*
	 * Makes a missing, malformed or database-less {@code MONGO_DB_URI} fail the start
	 * with a clear message, before the driver parses the connection string. Checked here
	 * rather than by bean validation, whose report would print the value (and its
	 * password).
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer requireMongoUri(MongoProperties properties) {
		MongoUri.requireDatabase(properties.uri());
		return (settings) -> {
		};
	}

	/*
	 * Requires BATCH_DB_USERNAME and BATCH_DB_PASSWORD for a job repository reached over
	 * the network; a local H2 file keeps H2's default user.
	 */
	@Bean
	static BeanPostProcessor jobRepositoryCredentials() {
		return new JobRepositoryCredentials();
	}

	/*
	 * Creates the Batch tables in the job repository's database unless they exist: Spring
	 * Batch's scripts have no {@code IF NOT EXISTS}, and a file database keeps its tables
	 * between starts (H2 file or PostgreSQL).
	 */
	@Bean
	BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
			BatchJdbcProperties properties) {
		return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {

			@Override
			protected void runScripts(Scripts scripts) {
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				Integer tables = jdbc.queryForObject(
						"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'BATCH_JOB_INSTANCE'",
						Integer.class);
				if (tables == null || tables == 0) {
					super.runScripts(scripts);
				}
			}

		};
	}

	/**
	 * The MongoDB connection string of the existing app ({@code MONGO_DB_URI}); required.
	 *
	 * @param uri connection string including the database name
	 */
	@Validated
	@ConfigurationProperties("app.mongodb")
	public record MongoProperties(@NotBlank(message = "MONGO_DB_URI is not set") String uri) {

		@Override
		public String toString() {
			// connection strings carry passwords
			return "MongoProperties[uri=<hidden>]";
		}

	}

}
