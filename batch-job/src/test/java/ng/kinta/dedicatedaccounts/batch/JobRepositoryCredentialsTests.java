package ng.kinta.dedicatedaccounts.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobRepositoryCredentialsTests {

	@Test
	void aSharedRepositoryNeedsAUserAndAPassword() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> JobRepositoryCredentials.require("jdbc:postgresql://db:5432/batch", "sa", ""))
			.withMessageContaining("BATCH_DB_USERNAME")
			.withMessageContaining("BATCH_DB_PASSWORD");
		assertThatCode(() -> JobRepositoryCredentials.require("jdbc:postgresql://db:5432/batch", "batch", "s3cret"))
			.doesNotThrowAnyException();
	}

	@Test
	void aLocalH2DatabaseMayGoWithout() {
		assertThatCode(() -> JobRepositoryCredentials.require("jdbc:h2:file:./data/batch", "sa", ""))
			.doesNotThrowAnyException();
		assertThatCode(() -> JobRepositoryCredentials.require("jdbc:h2:mem:tests", "sa", ""))
			.doesNotThrowAnyException();
	}

}
