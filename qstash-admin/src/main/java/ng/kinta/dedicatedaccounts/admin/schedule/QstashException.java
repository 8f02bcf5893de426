package ng.kinta.dedicatedaccounts.admin.schedule;

import org.jspecify.annotations.Nullable;

/**
 * QStash refused a request (HTTP 4xx/5xx, message taken from its {@code {"error": …}}
 * body), could not be reached (connection refused, timeout), or answered something that
 * could not be read. The message never contains the QStash token.
 */
public class QstashException extends RuntimeException {

	private final @Nullable Integer status;

	/**
	 * Creates the exception.
	 * @param message what failed, with QStash's message; must not contain the token
	 * @param status the HTTP status QStash answered with, or {@code null} without a
	 * usable answer
	 * @param cause the underlying failure, if any
	 */
	public QstashException(String message, @Nullable Integer status, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/**
	 * The HTTP status QStash answered with.
	 * @return the status, or {@code null} when there was no usable answer
	 */
	public @Nullable Integer status() {
		return this.status;
	}

}
