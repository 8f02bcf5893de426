package ng.kinta.dedicatedaccounts.trigger.command;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar trigger-function.jar test-cron [URL]}: signs a request with the
 * current signing key as QStash does, POSTs it to URL (default
 * {@code http://localhost:${server.port:8080}/api/cron/create-dedicated-accounts}) and
 * prints the status and body. Exit code 0 on a 2xx answer, 1 otherwise (including
 * connection errors), 2 on a usage or configuration error.
 */
public final class TestCronCommand {

	private TestCronCommand() {
	}

	/**
	 * Runs the command.
	 * @param url where to send the request, or {@code null} for the local server
	 * @param settings the Spring settings ({@code --name=value})
	 * @param customizer adjusts the Spring application before it starts (the demo adds
	 * its profile, and with it the published demo signing keys)
	 * @return the process exit code
	 */
	public static int run(@Nullable String url, String[] settings, Consumer<SpringApplication> customizer) {
		SpringApplication application = new SpringApplication(TestCronConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// drop initializers contributed by other jars (the demo's stand-ins, the function
		// web endpoint): the command needs configuration only
		List<ApplicationContextInitializer<?>> bootOnly = application.getInitializers()
			.stream()
			.filter((initializer) -> initializer.getClass().getName().startsWith("org.springframework.boot."))
			.toList();
		application.setInitializers(bootOnly);
		application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
		customizer.accept(application);
		try (ConfigurableApplicationContext context = application.run(settings)) {
			TestCronClient client = context.getBean(TestCronClient.class);
			return client.send(url).printTo(System.out);
		}
		catch (RuntimeException ex) {
			// the failure analysis (e.g. which property is missing) has been logged above
			System.err.println("test-cron could not start: check the configuration (see above)");
			return 2;
		}
	}

}
