package ng.kinta.dedicatedaccounts.batch.run;

import org.jspecify.annotations.Nullable;

/**
 * Who asked for a run, recorded with the job execution as non-identifying job parameters.
 *
 * @param source short name of the caller, for example {@code cli} or {@code qstash}
 * @param messageId id of the message that asked for the run (QStash's
 * {@code Upstash-Message-Id}), or {@code null}
 */
public record RunTrigger(String source, @Nullable String messageId) {

	/** A run asked for on the command line. */
	public static final RunTrigger COMMAND_LINE = new RunTrigger("cli", null);

}
