package ng.kinta.dedicatedaccounts.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's demo settings ({@code batch-job-demo.yml}, in this module only) reach both
 * ways the demo runs the job: the command line ({@code spring.config.name=batch-job}) and
 * the trigger (whose {@code application.yml} imports {@code batch-job.yml}).
 */
class DemoJobSettingsTests {

	@Test
	void theCommandLineReadsTheJobsDemoSettings() {
		try (ConfigurableApplicationContext context = start("--spring.config.name=batch-job")) {
			assertDemoSettings(context.getEnvironment());
		}
	}

	@Test
	void theTriggerReadsTheJobsDemoSettings() {
		try (ConfigurableApplicationContext context = start()) {
			assertDemoSettings(context.getEnvironment());
			assertThat(context.getEnvironment().getProperty("trigger.signing.current-key"))
				.isEqualTo("sig_DemoCurrentKeyNotASecret0001");
		}
	}

	private static void assertDemoSettings(Environment environment) {
		assertThat(environment.getProperty("app.billstack.secret-key")).isEqualTo("demo-billstack-secret-key");
		assertThat(environment.getProperty("app.billstack.read-timeout")).isEqualTo("2s");
		assertThat(environment.getProperty("spring.mail.properties[mail.smtp.starttls.enable]")).isEqualTo("false");
		assertThat(environment.getProperty("app.demo.data-dir")).isEqualTo("./data");
		// the demo's job and trigger may share the file: AUTO_SERVER, on the demo only
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:h2:file:./data/batch;AUTO_SERVER=TRUE");
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.profiles("demo")
			// the stand-ins are not needed to read settings
			.initializers()
			.run(args);
	}

	static class Empty {

	}

}
