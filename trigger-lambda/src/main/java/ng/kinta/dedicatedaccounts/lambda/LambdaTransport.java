package ng.kinta.dedicatedaccounts.lambda;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.function.TriggerAnswer;
import ng.kinta.dedicatedaccounts.trigger.function.TriggerRequest;
import ng.kinta.dedicatedaccounts.trigger.function.TriggerTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * AWS Lambda's transport: the invocation's payload is the whole HTTP event (API Gateway
 * REST or HTTP API, Function URL; {@link ProxyEvent}); the answer goes back as the
 * response event's {@code statusCode} and body, which {@code FunctionInvoker} writes from
 * the returned message's {@code statusCode} header and payload. Never throws: on Lambda
 * an exception is a 502 and a retried invocation.
 * <p>
 * Before answering, it waits for the run's alerts to be handed over (the alert flow posts
 * them on its own thread, which Lambda would freeze once the handler returns). An
 * invocation with less time left than the run's time budget and its margin is refused
 * with 500 rather than cut off by the function's timeout.
 */
class LambdaTransport implements TriggerTransport {

	/** Header {@code FunctionInvoker} sets on every message of an API Gateway event. */
	static final String API_GATEWAY_HEADER = "aws-api-gateway";

	/** Header {@code FunctionInvoker} reads the response event's status from. */
	static final String STATUS_CODE_HEADER = "statusCode";

	private static final Logger logger = LoggerFactory.getLogger(LambdaTransport.class);

	private final JsonMapper jsonMapper;

	private final int maxBodyBytes;

	private final Duration timeBudget;

	private final Duration timeMargin;

	private final @Nullable ThreadPoolTaskExecutor alerts;

	private final Duration alertsWait;

	LambdaTransport(JsonMapper jsonMapper, TriggerProperties trigger, LambdaProperties lambda, Duration timeBudget,
			@Nullable ThreadPoolTaskExecutor alerts, Duration alertsWait) {
		// the same problem documents as over HTTP (members of the problem at the top
		// level)
		this.jsonMapper = jsonMapper.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
		this.maxBodyBytes = Math.toIntExact(trigger.signing().maxBodySize().toBytes());
		this.timeBudget = timeBudget;
		this.timeMargin = lambda.timeMargin();
		this.alerts = alerts;
		this.alertsWait = alertsWait;
	}

	@Override
	public boolean carries(Message<byte[]> message) {
		return message.getHeaders().containsKey(API_GATEWAY_HEADER)
				|| message.getHeaders().containsKey(AWSLambdaUtils.AWS_CONTEXT);
	}

	@Override
	public Message<Object> exchange(Message<byte[]> message, Function<TriggerRequest, TriggerAnswer> trigger) {
		TriggerAnswer answer;
		try {
			answer = answer(message, trigger);
		}
		catch (RuntimeException ex) {
			// the class only: a message could quote the event
			logger.error("Lambda invocation failed: {}", ex.getClass().getName());
			answer = TriggerAnswer.internalError();
		}
		return response(answer);
	}

	private TriggerAnswer answer(Message<byte[]> message, Function<TriggerRequest, TriggerAnswer> trigger) {
		TriggerRequest request;
		try {
			request = ProxyEvent.read(message.getPayload(), this.jsonMapper);
		}
		catch (ProxyEvent.MalformedEventException ex) {
			logger.warn("Rejected Lambda event: {}", ex.getMessage());
			return TriggerAnswer.badRequest(ex.getMessage());
		}
		if (request.body().length > this.maxBodyBytes) {
			return TriggerAnswer.tooLarge(this.maxBodyBytes);
		}
		TriggerAnswer tooLittleTime = tooLittleTime(message);
		if (tooLittleTime != null) {
			return tooLittleTime;
		}
		try {
			return trigger.apply(request);
		}
		finally {
			awaitAlerts();
		}
	}

	private @Nullable TriggerAnswer tooLittleTime(Message<byte[]> message) {
		if (!(message.getHeaders().get(AWSLambdaUtils.AWS_CONTEXT) instanceof Context context)) {
			return null;
		}
		Duration left = Duration.ofMillis(context.getRemainingTimeInMillis());
		Duration needed = this.timeBudget.plus(this.timeMargin);
		if (left.compareTo(needed) >= 0) {
			return null;
		}
		logger.error(
				"Refusing to run: {} s left before the function's timeout, a run needs up to {} s "
						+ "(app.job.time-budget {} s + trigger.lambda.time-margin {} s); raise the function's Timeout "
						+ "(at most 900 s) or lower app.job.time-budget",
				left.toSeconds(), needed.toSeconds(), this.timeBudget.toSeconds(), this.timeMargin.toSeconds());
		return TriggerAnswer
			.of(ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR,
					"The function's timeout is shorter than a run needs; see the log"));
	}

	// the alert executor has one thread and a FIFO queue: once a task submitted now has
	// run, every alert of the run has been sent
	private void awaitAlerts() {
		if (this.alerts == null) {
			return;
		}
		try {
			Future<?> drained = this.alerts.submit(() -> {
			});
			drained.get(this.alertsWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.warn("Alerts of the run may not all be sent before the invocation ends: {}",
					ex.getClass().getSimpleName());
		}
	}

	private Message<Object> response(TriggerAnswer answer) {
		byte[] body;
		try {
			body = this.jsonMapper.writeValueAsBytes(answer.body());
		}
		catch (RuntimeException ex) {
			logger.error("Could not write the answer: {}", ex.getClass().getName());
			answer = TriggerAnswer.internalError();
			body = this.jsonMapper.writeValueAsBytes(answer.body());
		}
		MessageBuilder<Object> response = MessageBuilder.<Object>withPayload(body)
			.setHeader(STATUS_CODE_HEADER, answer.status())
			.setHeader(HttpHeaders.CONTENT_TYPE, answer.contentType().toString())
			.setHeader(MessageHeaders.CONTENT_TYPE, answer.contentType().toString());
		// Retry-After on a 409, Upstash-NonRetryable-Error on a 489: as over HTTP
		answer.headers().forEach(response::setHeader);
		return response.build();
	}

}
