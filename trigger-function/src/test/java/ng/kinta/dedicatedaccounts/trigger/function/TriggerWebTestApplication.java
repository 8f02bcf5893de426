package ng.kinta.dedicatedaccounts.trigger.function;

import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * The web app without the batch job: only the trigger's own beans, with auto-configured
 * web, Jackson and Spring Cloud Function. The job's infrastructure (MongoDB, JDBC job
 * repository, mail), which batch-job brings onto the classpath, stays off; tests supply
 * the {@code JobRunService}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
		"org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
		"org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration" })
@EnableConfigurationProperties(TriggerProperties.class)
@ComponentScan(basePackageClasses = TriggerFunctionConfiguration.class)
class TriggerWebTestApplication {

}
