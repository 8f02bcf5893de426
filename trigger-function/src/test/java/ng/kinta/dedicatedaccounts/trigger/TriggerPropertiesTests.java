package ng.kinta.dedicatedaccounts.trigger;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code application.yml} and {@code application-demo.yml} as the app binds them: fail
 * fast without keys or URL outside demo, demo defaults that the environment overrides.
 */
class TriggerPropertiesTests {

	@Test
	void missingKeysOrUrlFailTheStartOutsideDemo() {
		assertThatThrownBy(() -> start()).hasRootCauseInstanceOf(BindValidationException.class)
			.hasStackTraceContaining("trigger.signing.currentKey")
			.hasStackTraceContaining("trigger.signing.nextKey")
			.hasStackTraceContaining("trigger.publicApiUrl");
	}

	@Test
	void environmentNamesOfTheOldAppFeedTheProperties() {
		try (ConfigurableApplicationContext context = start(
				"--QSTASH_CURRENT_SIGNING_KEY=sig_FromTheEnvironment0000000001",
				"--QSTASH_NEXT_SIGNING_KEY=sig_FromTheEnvironment0000000002",
				"--NEXT_PUBLIC_API_URL=https://api.example.com")) {
			TriggerProperties properties = context.getBean(TriggerProperties.class);
			assertThat(properties.signing().currentKey()).isEqualTo("sig_FromTheEnvironment0000000001");
			assertThat(properties.signing().nextKey()).isEqualTo("sig_FromTheEnvironment0000000002");
			assertThat(properties.endpointUrl())
				.isEqualTo("https://api.example.com/api/cron/create-dedicated-accounts");
			assertThat(properties.signing().clockTolerance()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.signing().maxHeaderSize()).isEqualTo(DataSize.ofKilobytes(8));
			assertThat(properties.toString()).doesNotContain("sig_FromTheEnvironment");
		}
	}

	@Test
	void demoProfileHasPublishedKeysAndLocalUrl() {
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=demo")) {
			TriggerProperties properties = context.getBean(TriggerProperties.class);
			assertThat(properties.signing().currentKey()).isEqualTo("sig_DemoCurrentKeyNotASecret0001").hasSize(32);
			assertThat(properties.signing().nextKey()).isEqualTo("sig_DemoNextKeyNotASecret0000002").hasSize(32);
			assertThat(properties.endpointUrl()).isEqualTo("http://localhost:8080/api/cron/create-dedicated-accounts");
		}
	}

	@Test
	void environmentAndServerPortOverrideTheDemoDefaults() {
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=demo", "--server.port=9090",
				"--QSTASH_CURRENT_SIGNING_KEY=sig_FromTheEnvironment0000000001")) {
			TriggerProperties properties = context.getBean(TriggerProperties.class);
			assertThat(properties.signing().currentKey()).isEqualTo("sig_FromTheEnvironment0000000001");
			assertThat(properties.signing().nextKey()).isEqualTo("sig_DemoNextKeyNotASecret0000002");
			assertThat(properties.endpointUrl()).isEqualTo("http://localhost:9090/api/cron/create-dedicated-accounts");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(PropertiesOnly.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args);
	}

	@EnableConfigurationProperties(TriggerProperties.class)
	static class PropertiesOnly {

	}

}
