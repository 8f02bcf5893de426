package ng.kinta.dedicatedaccounts.batch.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Registers {@link UserRecordReadingConverter} with Spring Boot's MongoDB mapping (which
 * uses this bean instead of its own empty {@link MongoCustomConversions}).
 */
@Configuration(proxyBeanMethods = false)
class UserMongoConfiguration {

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions.create((adapter) -> adapter.registerConverter(new UserRecordReadingConverter()));
	}

}
