package ng.kinta.dedicatedaccounts.batch;

import java.time.Clock;

import jakarta.validation.constraints.NotBlank;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.integration.annotation.IntegrationComponentScan;
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
// the messaging gateways (alert.RunEventsGateway, run.JobLaunches): Spring Integration
// honours one @IntegrationComponentScan per context
@IntegrationComponentScan
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
