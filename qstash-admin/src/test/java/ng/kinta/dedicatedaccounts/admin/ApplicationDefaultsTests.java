package ng.kinta.dedicatedaccounts.admin;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented defaults and environment names in {@code application.yml}. */
class ApplicationDefaultsTests {

	@Test
	void defaultsAndEnvironmentNames() throws IOException {
		PropertySource<?> yaml = new YamlPropertySourceLoader()
			.load("application", new ClassPathResource("application.yml"))
			.get(0);

		assertThat(yaml.getProperty("server.port")).hasToString("8081");
		assertThat(yaml.getProperty("qstash.url")).hasToString("${QSTASH_URL:https://qstash.upstash.io}");
		assertThat(yaml.getProperty("qstash.token")).hasToString("${QSTASH_TOKEN:}");
		assertThat(yaml.getProperty("app.schedule.public-api-url")).hasToString("${NEXT_PUBLIC_API_URL:}");
		assertThat(yaml.getProperty("app.manage.signature")).hasToString("${SIGNATURE:}");
		assertThat(yaml.getProperty("app.schedule.cron")).hasToString("0 */3 * * *");
	}

}
