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
 * {@code application.yml} as the app binds it: fail fast without keys or URL, the old
 * app's environment names feed the properties. (The demo's defaults are tested in the
 * demo module.)
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
	void aTrailingSlashInTheUrlGivesTheSameEndpointAsTheScheduleAdministrationSchedules() {
		try (ConfigurableApplicationContext context = start(
				"--QSTASH_CURRENT_SIGNING_KEY=sig_FromTheEnvironment0000000001",
				"--QSTASH_NEXT_SIGNING_KEY=sig_FromTheEnvironment0000000002",
				"--NEXT_PUBLIC_API_URL=https://api.example.com/")) {
			assertThat(context.getBean(TriggerProperties.class).endpointUrl())
				.isEqualTo("https://api.example.com/api/cron/create-dedicated-accounts");
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
