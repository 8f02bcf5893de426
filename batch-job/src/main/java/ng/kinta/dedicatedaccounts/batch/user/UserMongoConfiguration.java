package ng.kinta.dedicatedaccounts.batch.user;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Registers {@link UserRecordReadingConverter} with Spring Boot's MongoDB mapping (which
 * uses this bean instead of its own empty {@link MongoCustomConversions}).
 */
@Configuration(proxyBeanMethods = false)
class UserMongoConfiguration {

	/*
	 * The job decides from what it reads whether Billstack is asked: a secondary's stale
	 * copy could show a user without the marker or the account just written. So every
	 * read goes to the primary and every write waits for a majority, whatever the old
	 * app's connection string says (it may ask for secondaryPreferred). Ordered last,
	 * after Boot's customizer that applies the connection string.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	MongoClientSettingsBuilderCustomizer primaryReadsMajorityWrites() {
		return (settings) -> settings.readPreference(ReadPreference.primary())
			.writeConcern(WriteConcern.MAJORITY)
			.readConcern(ReadConcern.MAJORITY);
	}

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions.create((adapter) -> adapter.registerConverter(new UserRecordReadingConverter()));
	}

}
