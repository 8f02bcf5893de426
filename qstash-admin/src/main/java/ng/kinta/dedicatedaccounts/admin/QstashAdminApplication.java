package ng.kinta.dedicatedaccounts.admin;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point. With a command ({@code init-cron}, {@code list}, {@code delete ID}, …) it
 * runs without the web server, prints the result and exits 0 (success), 1 (QStash failed)
 * or 2 (usage or configuration error). Without one it serves
 * {@code POST /api/cron/manage}.
 */
@SpringBootApplication
public class QstashAdminApplication {

	static final int CONFIGURATION_ERROR = 2;

	public static void main(String[] args) {
		if (isCommand(args)) {
			System.exit(runCommand(args));
		}
		SpringApplication.run(QstashAdminApplication.class, args);
	}

	/**
	 * A command is any argument that is not a {@code --spring.option}.
	 * @param args the command line arguments
	 * @return whether they contain a command
	 */
	static boolean isCommand(String[] args) {
		return Arrays.stream(args).anyMatch((arg) -> !arg.startsWith("--"));
	}

	static int runCommand(String[] args) {
		SpringApplication application = new SpringApplication(QstashAdminApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// keep standard output for the command's
		// result; --logging.level.root=info overrides
		application.setDefaultProperties(Map.of("logging.level.root", "warn"));
		try {
			return SpringApplication.exit(application.run(args));
		}
		catch (RuntimeException ex) {
			// Boot has already reported why the context could not
			// start (missing variables)
			return CONFIGURATION_ERROR;
		}
	}

}
