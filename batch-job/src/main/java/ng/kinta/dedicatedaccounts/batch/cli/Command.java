package ng.kinta.dedicatedaccounts.batch.cli;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A parsed command line: the command, its execution id and {@code --dry-run}. Spring
 * options ({@code --spring.*}, {@code --app.*}, ...) are left to Spring Boot.
 *
 * @param name {@code run}, {@code restart}, {@code recover} or {@code executions}
 * @param executionId the job execution id argument, or {@code null}
 * @param dryRun whether {@code --dry-run} was given
 * @param help whether {@code --help} was given
 */
record Command(String name, @Nullable Long executionId, boolean dryRun, boolean help) {

	static final String USAGE = """
			Usage: java -jar batch-job.jar [command] [options]
			  run                  start a new run now (default)
			  restart [ID]         restart job execution ID, or the latest failed one
			  recover ID           mark a job execution left STARTED by a crash as failed
			  executions           list recent job executions (id, status, times, counts)
			Options:
			  --dry-run            with run: list who would be processed; no Billstack, mail or writes
			  --spring.profiles.active=demo   run on the in-process demo services
			  --app.…=…            any setting (see docs/CONFIGURATION.md)
			Exit codes: 0 completed, 1 failed, 2 usage or configuration error, 3 another run is in progress""";

	/**
	 * Parses the arguments.
	 * @param args the command line
	 * @return the command
	 * @throws IllegalArgumentException for an unknown command, a missing or malformed id,
	 * or {@code --dry-run} with another command than {@code run}
	 */
	static Command parse(String[] args) {
		List<String> positional = new ArrayList<>();
		boolean dryRun = false;
		boolean help = false;
		for (String arg : args) {
			if (arg.equals("--dry-run")) {
				dryRun = true;
			}
			else if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
			}
			else if (!arg.startsWith("-")) {
				positional.add(arg);
			}
		}
		String name = positional.isEmpty() ? "run" : positional.get(0);
		List<String> rest = positional.isEmpty() ? List.of() : positional.subList(1, positional.size());
		Long id = switch (name) {
			case "run", "executions" -> {
				requireAtMost(name, rest, 0);
				yield null;
			}
			case "restart" -> {
				requireAtMost(name, rest, 1);
				yield rest.isEmpty() ? null : parseId(rest.get(0));
			}
			case "recover" -> {
				requireAtMost(name, rest, 1);
				if (rest.isEmpty()) {
					throw new IllegalArgumentException("recover needs the id of the job execution to recover");
				}
				yield parseId(rest.get(0));
			}
			default -> throw new IllegalArgumentException("Unknown command: " + name);
		};
		if (dryRun && !name.equals("run")) {
			throw new IllegalArgumentException("--dry-run goes with run only");
		}
		return new Command(name, id, dryRun, help);
	}

	private static void requireAtMost(String name, List<String> rest, int count) {
		if (rest.size() > count) {
			throw new IllegalArgumentException("Unexpected argument for " + name + ": " + rest.get(count));
		}
	}

	private static long parseId(String text) {
		try {
			long id = Long.parseLong(text);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("Not a job execution id: " + text);
	}

}
