package ng.kinta.dedicatedaccounts.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command line split in two: the Spring settings ({@code --name=value} whose name
 * starts with a prefix the application binds, e.g. {@code --spring.profiles.active=demo},
 * {@code --app.job.max-users-per-run=10}) for Spring Boot, and everything else (the
 * command, its arguments and options) for picocli. A {@code --name=value} outside those
 * prefixes, or a setting without {@code =value}, is left to picocli, which rejects it as
 * an unknown option: a misspelt setting never passes silently.
 *
 * @param settings the Spring settings, in their original order
 * @param commandArguments the rest, in their original order
 */
public record SpringSettings(List<String> settings, List<String> commandArguments) {

	/**
	 * Prefixes of the settings every application of this project binds: Spring Boot's own
	 * ({@code spring.}, {@code logging.}, {@code management.}, {@code server.}) and the
	 * project's ({@code app.}).
	 */
	public static final List<String> COMMON_PREFIXES = List.of("spring.", "app.", "logging.", "management.", "server.");

	private static final Pattern SETTING = Pattern.compile("--([a-z][A-Za-z0-9.\\[\\]_-]*)=.*", Pattern.DOTALL);

	public SpringSettings {
		settings = List.copyOf(settings);
		commandArguments = List.copyOf(commandArguments);
	}

	/**
	 * Splits the program arguments.
	 * @param args the program arguments
	 * @param prefixes the setting name prefixes the application binds, each ending with a
	 * dot, e.g. {@link #COMMON_PREFIXES}
	 * @return the settings and the remaining arguments
	 */
	public static SpringSettings split(String[] args, List<String> prefixes) {
		List<String> settings = new ArrayList<>();
		List<String> rest = new ArrayList<>();
		for (String arg : args) {
			if (isSetting(arg, prefixes)) {
				settings.add(arg);
			}
			else {
				rest.add(arg);
			}
		}
		return new SpringSettings(settings, rest);
	}

	private static boolean isSetting(String arg, List<String> prefixes) {
		var matcher = SETTING.matcher(arg);
		if (!matcher.matches()) {
			return false;
		}
		String name = matcher.group(1);
		return prefixes.stream().anyMatch((prefix) -> name.startsWith(prefix) && name.length() > prefix.length());
	}

	/**
	 * The settings as Spring Boot's command line arguments.
	 * @return the settings array
	 */
	public String[] settingsArray() {
		return this.settings.toArray(String[]::new);
	}

	/**
	 * The rest as picocli's arguments.
	 * @return the command arguments array
	 */
	public String[] commandArgumentsArray() {
		return this.commandArguments.toArray(String[]::new);
	}

}
