package ng.kinta.dedicatedaccounts.batch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a failed start into the one line an operator reads last: which setting is wrong
 * and how. Spring Boot's report above it has the details; a stack trace may be further
 * up. Used by every application that runs the job.
 */
public final class ConfigurationErrors {

	/** The line when the failure names no setting. */
	public static final String FALLBACK = "Could not start: the configuration is incomplete or invalid (see the report above)."
			+ " Set MONGO_DB_URI, BILL_STACK_SECRET_KEY and MAIL_FROM, or try demo.jar (docs/DEMO.md).";

	private ConfigurationErrors() {
	}

	/**
	 * The last line for a failed start.
	 * @param failure what {@code SpringApplication.run} threw
	 * @return {@code Invalid configuration: <property>: <problem>; …} naming every
	 * invalid setting found, or a general hint when the failure names no setting
	 */
	public static String lastLine(Throwable failure) {
		List<String> problems = new ArrayList<>();
		for (Throwable cause = failure; cause != null && problems.isEmpty(); cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationException invalid) {
				problems.add(invalid.getMessage());
			}
			else if (cause instanceof BindValidationException validation) {
				for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
					problems.add(describe(validation.getValidationErrors().getName().toString(), error));
				}
			}
			else if (cause instanceof BindException binding && binding.getProperty() != null
					&& !(binding.getCause() instanceof BindValidationException)) {
				problems.add(binding.getProperty().getName() + ": cannot be read as the expected type");
			}
		}
		return problems.isEmpty() ? FALLBACK : "Invalid configuration: " + String.join("; ", problems);
	}

	private static String describe(String prefix, ObjectError error) {
		if (error instanceof FieldError field) {
			return prefix + "." + kebab(field.getField()) + ": " + field.getDefaultMessage();
		}
		return prefix + ": " + error.getDefaultMessage();
	}

	// relaxed binding's canonical form of a Java property name
	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

}
