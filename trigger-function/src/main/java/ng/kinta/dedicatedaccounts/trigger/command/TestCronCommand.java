package ng.kinta.dedicatedaccounts.trigger.command;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar trigger-function.jar test-cron [URL] [--spring.profiles.active=demo]}:
 * signs a request with the current signing key as QStash does, POSTs it to URL (default
 * {@code http://localhost:${server.port:8080}/api/cron/create-dedicated-accounts}) and
 * prints the status and body. Exit code 0 on a 2xx answer, 1 otherwise (including
 * connection errors), 2 on a usage or configuration error.
 */
public final class TestCronCommand {

	/** The command's name, the first non-option argument. */
	public static final String NAME = "test-cron";

	private TestCronCommand() {
	}

	/**
	 * Whether the arguments ask for this command.
	 * @param args the program arguments
	 * @return {@code true} when the first non-option argument is {@code test-cron}
	 */
	public static boolean isRequested(String[] args) {
		List<String> positional = positional(args);
		return !positional.isEmpty() && NAME.equals(positional.get(0));
	}

	/**
	 * Runs the command.
	 * @param args the program arguments: {@code test-cron}, an optional URL and Spring
	 * options
	 * @return the process exit code
	 */
	public static int run(String[] args) {
		List<String> positional = positional(args);
		if (positional.size() > 2) {
			System.err.println("Usage: test-cron [URL] [--spring.profiles.active=demo] [--server.port=N]");
			return 2;
		}
		String url = (positional.size() == 2) ? positional.get(1) : null;
		SpringApplication application = new SpringApplication(TestCronConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// drop initializers contributed by other jars (the batch job's demo stand-ins,
		// the function web endpoint): the command needs configuration only
		List<ApplicationContextInitializer<?>> bootOnly = application.getInitializers()
			.stream()
			.filter((initializer) -> initializer.getClass().getName().startsWith("org.springframework.boot."))
			.toList();
		application.setInitializers(bootOnly);
		application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
		String[] springArgs = Arrays.stream(args).filter((arg) -> arg.startsWith("--")).toArray(String[]::new);
		try (ConfigurableApplicationContext context = application.run(springArgs)) {
			TestCronClient client = context.getBean(TestCronClient.class);
			return client.send(url).printTo(System.out);
		}
		catch (RuntimeException ex) {
			// the failure analysis (e.g. which property is missing) has been logged above
			System.err.println("test-cron could not start: check the configuration (see above)");
			return 2;
		}
	}

	private static List<String> positional(String[] args) {
		return Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
	}

}
