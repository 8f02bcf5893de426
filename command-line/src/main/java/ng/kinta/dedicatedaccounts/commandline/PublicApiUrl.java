package ng.kinta.dedicatedaccounts.commandline;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code NEXT_PUBLIC_API_URL}, the public base URL of the trigger, as both the trigger
 * and the schedule administration use it: the trigger verifies QStash's {@code sub} claim
 * against {@code url + path}, and the admin schedules QStash to call that same URL, so
 * both must write it the same way. One definition, here.
 */
public final class PublicApiUrl {

	/** The environment name of the setting, for messages. */
	public static final String VARIABLE = "NEXT_PUBLIC_API_URL";

	private PublicApiUrl() {
	}

	/**
	 * The URL as both sides use it: trimmed, without trailing slashes.
	 * @param raw the value as configured
	 * @return the normalised value ({@code ""} for a blank one)
	 */
	public static String normalize(String raw) {
		String url = raw.strip();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url;
	}

	/**
	 * Checks the URL at start.
	 * @param url the normalised URL
	 * @param demo whether the demo profile is active (plain http to a local address is
	 * accepted there)
	 * @return {@code url}
	 * @throws IllegalArgumentException when it is not an absolute {@code https} URL (or
	 * {@code http}, on the demo profile), with a message naming {@value #VARIABLE}
	 */
	public static String requireValid(String url, boolean demo) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(VARIABLE + " is not a URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean allowed = scheme.equals("https") || (demo && scheme.equals("http"));
		if (!uri.isAbsolute() || uri.getHost() == null || !allowed) {
			throw new IllegalArgumentException(VARIABLE + " must be an absolute https:// URL (the address QStash"
					+ " calls), e.g. https://api.example.com"
					+ (demo ? " (http:// is accepted on the demo profile)" : ""));
		}
		if (uri.getQuery() != null || uri.getFragment() != null) {
			throw new IllegalArgumentException(VARIABLE + " must not carry a query or a fragment");
		}
		return url;
	}

}
