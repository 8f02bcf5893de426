package ng.kinta.dedicatedaccounts.trigger.catchup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import ng.kinta.dedicatedaccounts.batch.run.ChainedCatchUp;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunChain;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;

/**
 * Chains a catch-up run after a run that made progress while users remain: one delayed
 * message to the trigger's own endpoint through QStash's publish API, delivered and
 * verified like a scheduled one ({@code docs/OPERATIONS.md}, "Draining a backlog").
 * <p>
 * A catch-up follows a run only when all of these hold:
 * <ul>
 * <li>catch-ups are on ({@code app.catch-up.enabled}, or a {@code QSTASH_TOKEN});</li>
 * <li>the run ended {@code COMPLETED} or {@code COMPLETED_WITH_SKIPS}, created at least
 * one account, and left eligible users;</li>
 * <li>no circuit opened in it (mail relay, Billstack throttling);</li>
 * <li>the delivery carried a message id, and no catch-up was chained after this run
 * already (its job repository record, restarts included);</li>
 * <li>fewer than {@code app.catch-up.max-per-day} catch-ups were published in the last 24
 * hours;</li>
 * <li>QStash reports the schedule as existing and not paused.</li>
 * </ul>
 * The message carries {@code Upstash-Deduplication-Id: catch-up-<parent message id>}, so
 * two deliveries of the parent racing each other within QStash's deduplication window
 * still publish one. A QStash failure never changes the run's answer: the schedule's next
 * slot takes the rest.
 */
public class CatchUps {

	/** Trigger source of a catch-up run. */
	public static final String SOURCE = "catch-up";

	/** Header a catch-up delivery carries (QStash forwards it from the publish). */
	public static final String TRIGGER_SOURCE_HEADER = "Trigger-Source";

	/** QStash label of every catch-up message, by which they can be cancelled. */
	public static final String LABEL = "catch-up";

	/** Catch-ups chained by nobody: the switch is off. */
	public static final CatchUps OFF = new CatchUps(null, null, null, null, Clock.systemUTC());

	private static final Logger logger = LoggerFactory.getLogger(CatchUps.class);

	/** How long after its delay a published catch-up may still arrive. */
	static final Duration DELIVERY_GRACE = Duration.ofHours(1);

	private static final Set<String> PROGRESS_EXIT_CODES = Set.of("COMPLETED", "COMPLETED_WITH_SKIPS");

	private final @Nullable CatchUpProperties properties;

	private final @Nullable QstashPublishClient qstash;

	private final @Nullable JobRunService runs;

	private final @Nullable String destination;

	private final Clock clock;

	CatchUps(@Nullable CatchUpProperties properties, @Nullable QstashPublishClient qstash, @Nullable JobRunService runs,
			@Nullable String destination, Clock clock) {
		this.properties = properties;
		this.qstash = qstash;
		this.runs = runs;
		this.destination = destination;
		this.clock = clock;
	}

	/**
	 * The trigger source of a delivery.
	 * @param triggerSourceHeader the {@value #TRIGGER_SOURCE_HEADER} header, or
	 * {@code null}
	 * @param defaultSource the source of any other delivery
	 * @return {@value #SOURCE} for a catch-up, else {@code defaultSource}
	 */
	public static String sourceOf(@Nullable String triggerSourceHeader, String defaultSource) {
		return SOURCE.equalsIgnoreCase((triggerSourceHeader != null) ? triggerSourceHeader.trim() : "") ? SOURCE
				: defaultSource;
	}

	/**
	 * Chains a catch-up after a run if it should have one; never throws.
	 * @param messageId the {@code Upstash-Message-Id} of the delivery that ran it, or
	 * {@code null}
	 * @param body the delivery's body, published again unchanged
	 * @param contentType the delivery's Content-Type, or {@code null}
	 * @param summary the run's summary
	 * @return the summary, with {@code catchUpScheduledIn} when a catch-up follows it
	 */
	public RunSummary afterRun(@Nullable String messageId, byte[] body, @Nullable String contentType,
			RunSummary summary) {
		if (this.properties == null || this.qstash == null || this.runs == null || this.destination == null) {
			return summary;
		}
		try {
			return chain(this.properties, this.qstash, this.runs, this.destination, messageId, body, contentType,
					summary);
		}
		catch (RuntimeException ex) {
			logger.warn("No catch-up run after job execution {}: {}; the schedule's next run takes the rest",
					summary.jobExecutionId(), ex.getMessage());
			return summary;
		}
	}

	private RunSummary chain(CatchUpProperties properties, QstashPublishClient qstash, JobRunService runs,
			String destination, @Nullable String messageId, byte[] body, @Nullable String contentType,
			RunSummary summary) {
		Long jobExecutionId = summary.jobExecutionId();
		if (jobExecutionId == null || !summary.completed() || !PROGRESS_EXIT_CODES.contains(summary.exitStatus())
				|| summary.data().remainingUsers() == 0) {
			return summary;
		}
		RunChain chain = runs.chainOf(jobExecutionId);
		ChainedCatchUp chained = chain.chained();
		if (chained != null) {
			// a redelivery or a restart of a run that already has its catch-up
			logger.info("Job execution {} already chained catch-up message {}", jobExecutionId, chained.messageId());
			return summary.withCatchUpScheduledIn(chained.delay().toSeconds());
		}
		if (summary.data().successCount() == 0) {
			logger.info("No catch-up run after job execution {}: it created no account; {} users wait for the schedule",
					jobExecutionId, summary.data().remainingUsers());
			return summary;
		}
		if (chain.circuitOpened() != null) {
			logger.info("No catch-up run after job execution {}: the {} circuit opened in it", jobExecutionId,
					chain.circuitOpened());
			return summary;
		}
		if (messageId == null || messageId.isBlank()) {
			logger.info("No catch-up run after job execution {}: the delivery carried no Upstash-Message-Id",
					jobExecutionId);
			return summary;
		}
		Instant now = this.clock.instant();
		long lastDay = runs.catchUpsPublishedSince(now.minus(Duration.ofDays(1)));
		if (lastDay >= properties.maxPerDay()) {
			logger.warn(
					"No catch-up run after job execution {}: {} catch-ups in the last 24 hours reach"
							+ " app.catch-up.max-per-day ({}); {} users wait for the schedule",
					jobExecutionId, lastDay, properties.maxPerDay(), summary.data().remainingUsers());
			return summary;
		}
		ChainedCatchUp latest = runs.latestCatchUp().orElse(null);
		if (latest != null && stillToBeDelivered(runs, latest, now)) {
			// a scheduled run in the middle of a chain: one chain at a time
			logger.info("No catch-up run after job execution {}: catch-up message {} is still to be delivered",
					jobExecutionId, latest.messageId());
			return summary;
		}
		QstashPublishClient.ScheduleState schedule = qstash.scheduleState(properties.scheduleId());
		if (schedule != QstashPublishClient.ScheduleState.ACTIVE) {
			logger.info("No catch-up run after job execution {}: schedule '{}' is {}", jobExecutionId,
					properties.scheduleId(), schedule.name().toLowerCase(java.util.Locale.ROOT));
			return summary;
		}
		Duration delay = Duration.ofSeconds(properties.delay().toSeconds());
		String published = qstash.publish(destination, body, mediaType(contentType), delay, "catch-up-" + messageId);
		runs.recordCatchUp(jobExecutionId, new ChainedCatchUp(published, delay, now));
		logger.info("Catch-up run chained after job execution {}: message {} in {} s, {} users remaining",
				jobExecutionId, published, delay.toSeconds(), summary.data().remainingUsers());
		return summary.withCatchUpScheduledIn(delay.toSeconds());
	}

	/*
	 * Published, no run for it yet, and not so long ago that QStash must have given up
	 * (its retries after a failed delivery take about 33 minutes with the default 3).
	 */
	private static boolean stillToBeDelivered(JobRunService runs, ChainedCatchUp catchUp, Instant now) {
		Instant due = catchUp.publishedAt().plus(catchUp.delay());
		return now.isBefore(due.plus(DELIVERY_GRACE))
				&& runs.findLatestExecutionForMessage(catchUp.messageId()).isEmpty();
	}

	private static MediaType mediaType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return MediaType.APPLICATION_JSON;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (IllegalArgumentException ex) {
			return MediaType.APPLICATION_JSON;
		}
	}

}
