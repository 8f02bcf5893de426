package ng.kinta.dedicatedaccounts.batch.user;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Loads libphonenumber's classes and Nigerian metadata when the application starts, so
 * that the first user of a run does not pay for it inside the run's time budget.
 */
@Component
class PhoneNumberMetadataPreloader implements InitializingBean {

	@Override
	public void afterPropertiesSet() {
		NigerianPhoneNumber.normalize("0803 123 4567");
	}

}
