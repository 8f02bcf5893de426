package ng.kinta.dedicatedaccounts.admin.manage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the {@link SignatureCheck} from {@link ManageProperties}, warning once at start
 * when the API is disabled.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ManageProperties.class)
class ManageConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ManageConfiguration.class);

	@Bean
	SignatureCheck signatureCheck(ManageProperties properties) {
		SignatureCheck check = new SignatureCheck(properties.signature());
		if (!check.enabled()) {
			logger.warn("SIGNATURE is not set: POST /api/cron/manage refuses every request");
		}
		return check;
	}

}
