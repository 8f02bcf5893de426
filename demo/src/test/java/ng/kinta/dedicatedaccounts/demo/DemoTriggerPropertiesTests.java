package ng.kinta.dedicatedaccounts.demo;

import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's {@code application-demo.yml} as the trigger binds it: published keys and a
 * local URL, which the environment overrides.
 */
class DemoTriggerPropertiesTests {

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
