package ng.kinta.dedicatedaccounts.batch;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobRepositoryCredentialsTests {

	@Test
	void theDefaultJobRepositoryIsALocalFileWithoutATcpListener() throws IOException {
		PropertySource<?> defaults = new YamlPropertySourceLoader()
			.load("batch-job", new ClassPathResource("batch-job.yml"))
			.get(0);

		assertThat(defaults.getProperty("spring.datasource.url"))
			.hasToString("${BATCH_DB_URL:jdbc:h2:file:./data/batch}");
		assertThat(defaults.getProperty("spring.datasource.username")).hasToString("${BATCH_DB_USERNAME:}");
		assertThat(defaults.getProperty("spring.datasource.password")).hasToString("${BATCH_DB_PASSWORD:}");
	}

	@Test
	void aLocalH2DatabaseWithoutCredentialsIsOpenedAsH2sDefaultUser() {
		for (String url : new String[] { "jdbc:h2:file:./data/batch", "jdbc:h2:./data/batch", "jdbc:h2:~/batch",
				"jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:h2:file:/var/lib/batch;AUTO_SERVER=TRUE" }) {
			DataSourceProperties properties = properties(url, "", "");

			JobRepositoryCredentials.check(properties);

			assertThat(properties.getUsername()).as(url).isEqualTo("sa");
		}
	}

	@Test
	void aJobRepositoryOnTheNetworkWithoutAUserOrAPasswordStopsTheStartNamingTheVariable() {
		for (String url : new String[] { "jdbc:postgresql://db.internal:5432/batch", "jdbc:h2:tcp://db.internal/batch",
				"jdbc:h2:ssl://db.internal/batch" }) {
			assertThatExceptionOfType(InvalidConfigurationException.class)
				.isThrownBy(() -> JobRepositoryCredentials.check(properties(url, null, "s3cret")))
				.withMessageStartingWith("spring.datasource.username: BATCH_DB_USERNAME is empty")
				.withMessageNotContaining("s3cret");
			assertThatExceptionOfType(InvalidConfigurationException.class)
				.isThrownBy(() -> JobRepositoryCredentials.check(properties(url, "batch", " ")))
				.withMessageStartingWith("spring.datasource.password: BATCH_DB_PASSWORD is empty");
		}
	}

	@Test
	void credentialsAreKeptAsGiven() {
		DataSourceProperties properties = properties("jdbc:postgresql://db.internal:5432/batch", "batch", "s3cret");

		JobRepositoryCredentials.check(properties);

		assertThat(properties.getUsername()).isEqualTo("batch");
		assertThat(properties.getPassword()).isEqualTo("s3cret");
	}

	private static DataSourceProperties properties(String url, String username, String password) {
		DataSourceProperties properties = new DataSourceProperties();
		properties.setUrl(url);
		properties.setUsername(username);
		properties.setPassword(password);
		return properties;
	}

}
