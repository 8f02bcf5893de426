package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.Map;
import java.util.function.Function;

import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.trigger.signature.InvalidSignatureException;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The trigger: takes the raw request (body bytes and HTTP headers as message headers),
 * verifies its {@code Upstash-Signature} over the body's exact bytes (over HTTP, the
 * bytes {@link RawRequestBodyFilter} kept, whatever the Content-Type), runs the job for
 * its {@code Upstash-Message-Id} and returns the run's summary (answered with 200). Every
 * other outcome is thrown as a {@link TriggerException}: 401 for a missing or invalid
 * signature, 489 (QStash's "do not retry") for a token signed with our key whose
 * {@code sub}, {@code iss} or {@code body} can never match, 409 while a run is in
 * progress, 500 with the summary when the run failed.
 */
class CreateDedicatedAccountsFunction implements Function<Message<byte[]>, Message<RunSummary>> {

	static final String SIGNATURE_HEADER = "Upstash-Signature";

	static final String MESSAGE_ID_HEADER = "Upstash-Message-Id";

	private static final Logger logger = LoggerFactory.getLogger(CreateDedicatedAccountsFunction.class);

	private static final byte[] NO_BODY = new byte[0];

	private final QstashSignatureVerifier verifier;

	private final MessageRunLauncher launcher;

	CreateDedicatedAccountsFunction(QstashSignatureVerifier verifier, MessageRunLauncher launcher) {
		this.verifier = verifier;
		this.launcher = launcher;
	}

	@Override
	public Message<RunSummary> apply(Message<byte[]> request) {
		try (TriggerRequestLog log = TriggerRequestLog.open(header(request.getHeaders(), MESSAGE_ID_HEADER))) {
			return log.outcomeOf(() -> handle(request));
		}
	}

	private Message<RunSummary> handle(Message<byte[]> request) {
		byte[] body = RawRequestBody.ofCurrentRequest().orElseGet(() -> payloadOf(request));
		try {
			this.verifier.verify(header(request.getHeaders(), SIGNATURE_HEADER), body);
		}
		catch (InvalidSignatureException ex) {
			// one line, a coarse category only: the caller may be probing
			if (ex.neverVerifiesOnRetry()) {
				logger.warn("Rejected trigger request: invalid QStash signature ({}); no retry can pass, "
						+ "answered 489 so that QStash does not retry it", ex.reason());
				throw TriggerException.neverVerifies();
			}
			logger.warn("Rejected trigger request: invalid QStash signature ({})", ex.reason());
			throw TriggerException.unauthorized();
		}
		RunSummary summary = this.launcher.run(header(request.getHeaders(), MESSAGE_ID_HEADER));
		if (!summary.completed()) {
			throw TriggerException.runFailed(summary);
		}
		return MessageBuilder.withPayload(summary)
			.setHeader(MessageHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	// called without the HTTP adapter (tests, other bindings): the payload is the body
	private static byte[] payloadOf(Message<byte[]> request) {
		return (request.getPayload() != null) ? request.getPayload() : NO_BODY;
	}

	// HTTP header names are case-insensitive; message headers are not
	private static @Nullable String header(MessageHeaders headers, String name) {
		for (Map.Entry<String, Object> header : headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
				return header.getValue().toString();
			}
		}
		return null;
	}

}
