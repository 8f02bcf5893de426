package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.List;
import java.util.function.Function;

import ng.kinta.dedicatedaccounts.batch.run.RunInProgressException;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.trigger.catchup.CatchUps;
import ng.kinta.dedicatedaccounts.trigger.signature.InvalidSignatureException;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.messaging.Message;

/**
 * The trigger, the one function bean of every platform: takes the delivery as a message,
 * has the transport that brought it (the web server's, or AWS Lambda's) read the body's
 * exact bytes and the headers, and answers through {@link #answer}, the one verification
 * and launch path:
 * <ul>
 * <li>the {@code Upstash-Signature} is verified over the exact bytes: 401 when missing,
 * invalid or replayed; 489 (QStash's "do not retry") for a token signed with our key
 * whose {@code sub}, {@code iss} or {@code body} can never match;</li>
 * <li>the job runs for the {@code Upstash-Message-Id} ({@link MessageRunLauncher}): 200
 * with the summary; 409 with {@code Retry-After} while a run holds the lease; 500 with
 * the summary when the run failed; a bare 500 for anything unexpected;</li>
 * <li>a completed run that left users may chain a catch-up run ({@link CatchUps}); a
 * delivery with {@code Trigger-Source: catch-up} runs with that trigger source.</li>
 * </ul>
 * {@link #answer} never throws; over HTTP the web transport throws the non-200 answers as
 * {@link TriggerException}s, which is how Spring Cloud Function web sets a status.
 */
class CreateDedicatedAccountsFunction implements Function<Message<byte[]>, Message<Object>> {

	private static final Logger logger = LoggerFactory.getLogger(CreateDedicatedAccountsFunction.class);

	private static final TriggerTransport WEB = new WebTransport();

	private final QstashSignatureVerifier verifier;

	private final MessageRunLauncher launcher;

	private final List<TriggerTransport> transports;

	private final CatchUps catchUps;

	CreateDedicatedAccountsFunction(QstashSignatureVerifier verifier, MessageRunLauncher launcher) {
		this(verifier, launcher, List.of());
	}

	CreateDedicatedAccountsFunction(QstashSignatureVerifier verifier, MessageRunLauncher launcher,
			List<TriggerTransport> transports) {
		this(verifier, launcher, transports, CatchUps.OFF);
	}

	CreateDedicatedAccountsFunction(QstashSignatureVerifier verifier, MessageRunLauncher launcher,
			List<TriggerTransport> transports, CatchUps catchUps) {
		this.verifier = verifier;
		this.launcher = launcher;
		this.transports = List.copyOf(transports);
		this.catchUps = catchUps;
	}

	@Override
	public Message<Object> apply(Message<byte[]> message) {
		TriggerTransport transport = this.transports.stream()
			.filter((candidate) -> candidate.carries(message))
			.findFirst()
			.orElse(WEB);
		return transport.exchange(message, this::answer);
	}

	/**
	 * Verifies a delivery and runs the job for it.
	 * @param request the body's exact bytes and the headers
	 * @return the answer; never throws
	 */
	TriggerAnswer answer(TriggerRequest request) {
		try (TriggerRequestLog log = TriggerRequestLog.open(request.header(TriggerRequest.MESSAGE_ID_HEADER))) {
			return log.outcomeOf(() -> handle(request));
		}
	}

	private TriggerAnswer handle(TriggerRequest request) {
		try {
			this.verifier.verify(request.header(TriggerRequest.SIGNATURE_HEADER), request.body());
		}
		catch (InvalidSignatureException ex) {
			// one line, a coarse category only: the caller may be probing
			if (ex.neverVerifiesOnRetry()) {
				logger.warn("Rejected trigger request: invalid QStash signature ({}); no retry can pass, "
						+ "answered 489 so that QStash does not retry it", ex.reason());
				return TriggerAnswer.neverVerifies();
			}
			logger.warn("Rejected trigger request: invalid QStash signature ({})", ex.reason());
			return TriggerAnswer.unauthorized();
		}
		try {
			String messageId = request.header(TriggerRequest.MESSAGE_ID_HEADER);
			String source = CatchUps.sourceOf(request.header(CatchUps.TRIGGER_SOURCE_HEADER),
					MessageRunLauncher.SOURCE);
			RunSummary summary = this.launcher.run(messageId, source);
			if (!summary.completed()) {
				return TriggerAnswer.runFailed(summary);
			}
			// after the run, outside its lease; a redelivery finds the catch-up recorded
			return TriggerAnswer.ok(this.catchUps.afterRun(messageId, request.body(),
					request.header(HttpHeaders.CONTENT_TYPE), summary));
		}
		catch (RunInProgressException ex) {
			return TriggerAnswer.conflict(ex);
		}
	}

}
