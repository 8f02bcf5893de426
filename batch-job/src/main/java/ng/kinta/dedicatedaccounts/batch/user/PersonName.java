package ng.kinta.dedicatedaccounts.batch.user;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A person's name split the way Billstack wants it: the first token is the first name,
 * the rest the last name; a single name is used for both.
 *
 * @param firstName the first name
 * @param lastName the last name (the first name again for a single name)
 */
public record PersonName(String firstName, String lastName) {

	/**
	 * Splits a full name after trimming and collapsing runs of white space.
	 * @param fullName the name as the app stored it, may be {@code null}
	 * @return the split name, or empty when the name is blank
	 */
	public static Optional<PersonName> parse(@Nullable String fullName) {
		if (fullName == null || fullName.isBlank()) {
			return Optional.empty();
		}
		String[] tokens = fullName.strip().split("\\s+", 2);
		String first = tokens[0];
		String last = (tokens.length > 1) ? tokens[1].strip().replaceAll("\\s+", " ") : first;
		return Optional.of(new PersonName(first, last));
	}

}
