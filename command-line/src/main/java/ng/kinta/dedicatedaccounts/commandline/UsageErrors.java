package ng.kinta.dedicatedaccounts.commandline;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that picocli rejected: the reason, picocli's suggestions for a
 * misspelt command or option ("did you mean"), and the usage of the command concerned,
 * all on the command line's error stream (standard error). The value of a rejected
 * {@code --name=value} is not repeated: it may be a secret under a misspelt name.
 */
public final class UsageErrors {

	/** Exit code of a usage error, the same for every jar of the project. */
	public static final int EXIT_CODE = 2;

	private UsageErrors() {
	}

	/**
	 * Prints the report.
	 * @param ex picocli's parse error
	 * @return {@link #EXIT_CODE}
	 */
	public static int report(ParameterException ex) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println(message(ex));
		UnmatchedArgumentException.printSuggestions(ex, err);
		commandLine.usage(err);
		err.flush();
		return EXIT_CODE;
	}

	/*
	 * An unmatched argument as it may be shown: {@code --name=value} loses its value,
	 * which may be a secret given under a misspelt name.
	 */
	static String withoutValue(String arg) {
		int equals = arg.indexOf('=');
		return (arg.startsWith("-") && equals > 0) ? arg.substring(0, equals + 1) + "…" : arg;
	}

	private static String message(ParameterException ex) {
		String message = ex.getMessage();
		if (ex instanceof UnmatchedArgumentException unmatched) {
			for (String arg : unmatched.getUnmatched()) {
				message = message.replace(arg, withoutValue(arg));
			}
		}
		return message;
	}

}
