package ng.kinta.dedicatedaccounts.trigger.catchup;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The two QStash calls a catch-up needs ({@code docs/QSTASH.md}), with the conventions of
 * qstash-admin's schedules client: {@code Authorization: Bearer <QSTASH_TOKEN>} on every
 * call, explicit timeouts, destinations appended to the path as they are, answers parsed
 * whatever their Content-Type.
 */
class QstashPublishClient {

	/** Header QStash forwards to the destination as {@value #TRIGGER_SOURCE_HEADER}. */
	static final String FORWARDED_TRIGGER_SOURCE = "Upstash-Forward-" + CatchUps.TRIGGER_SOURCE_HEADER;

	static final String TRIGGER_SOURCE_HEADER = CatchUps.TRIGGER_SOURCE_HEADER;

	private final RestClient rest;

	private final String baseUrl;

	QstashPublishClient(RestClient.Builder builder, CatchUpProperties.Qstash properties) {
		this.baseUrl = properties.url();
		String token = (properties.token() != null) ? properties.token() : "";
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(properties.readTimeout());
		this.rest = builder.baseUrl(this.baseUrl)
			.requestFactory(factory)
			.defaultHeaders((headers) -> headers.setBearerAuth(token))
			.build();
	}

	/**
	 * Publishes a delayed message: {@code POST {base}/v2/publish/{destination}} with
	 * {@code Upstash-Delay}, {@code Upstash-Deduplication-Id}, {@code Upstash-Label} and
	 * {@code Upstash-Forward-Trigger-Source: catch-up}. A duplicate within QStash's
	 * deduplication window is answered 202 with the first message's id.
	 * @param destination the URL QStash delivers to, as the schedule names it
	 * @param body the body, delivered unchanged
	 * @param contentType the delivered Content-Type
	 * @param delay the delay, whole seconds
	 * @param deduplicationId the deduplication id QStash keys duplicates on
	 * @return the message id QStash reports
	 * @throws CatchUpException when QStash refuses, cannot be reached, or answers without
	 * a message id
	 */
	String publish(String destination, byte[] body, MediaType contentType, Duration delay, String deduplicationId) {
		// built by hand so that no URI template encodes the destination
		URI uri = URI.create(this.baseUrl + "/v2/publish/" + destination);
		String answer = call("publish the catch-up",
				() -> this.rest.post()
					.uri(uri)
					.contentType(contentType)
					.header("Upstash-Delay", delay.toSeconds() + "s")
					.header("Upstash-Deduplication-Id", deduplicationId)
					.header("Upstash-Label", CatchUps.LABEL)
					.header(FORWARDED_TRIGGER_SOURCE, CatchUps.SOURCE)
					.body(body)
					.retrieve()
					.body(String.class));
		JsonNode parsed = parse(answer);
		String messageId = (parsed != null) ? parsed.path("messageId").asString(null) : null;
		if (messageId == null || messageId.isBlank()) {
			throw new CatchUpException("QStash answered the publish without a message id");
		}
		return messageId;
	}

	/**
	 * Asks QStash whether the schedule is active: {@code GET {base}/v2/schedules/{id}}.
	 * @param scheduleId the schedule id
	 * @return its state; {@link ScheduleState#MISSING} on 404
	 * @throws CatchUpException when QStash cannot be asked
	 */
	ScheduleState scheduleState(String scheduleId) {
		String answer;
		try {
			answer = call("read schedule '" + scheduleId + "'",
					() -> this.rest.get()
						.uri("/v2/schedules/{id}", scheduleId)
						.accept(MediaType.APPLICATION_JSON)
						.retrieve()
						.body(String.class));
		}
		catch (CatchUpException ex) {
			if (ex.getCause() instanceof HttpClientErrorException.NotFound) {
				return ScheduleState.MISSING;
			}
			throw ex;
		}
		JsonNode schedule = parse(answer);
		if (schedule == null) {
			throw new CatchUpException("QStash answered the schedule with an empty body");
		}
		return schedule.path("isPaused").asBoolean(false) ? ScheduleState.PAUSED : ScheduleState.ACTIVE;
	}

	private @Nullable String call(String operation, java.util.function.Supplier<@Nullable String> request) {
		try {
			return request.get();
		}
		catch (RestClientException ex) {
			// never QStash's body: it may echo the request
			String status = (ex instanceof org.springframework.web.client.RestClientResponseException response)
					? "HTTP " + HttpStatusCode.valueOf(response.getStatusCode().value()).value()
					: ex.getClass().getSimpleName();
			throw new CatchUpException("Could not " + operation + " at " + this.baseUrl + ": " + status, ex);
		}
	}

	private static @Nullable JsonNode parse(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return JsonMapper.shared().readTree(body);
		}
		catch (JacksonException ex) {
			throw new CatchUpException("QStash answered something that is not JSON", ex);
		}
	}

	/** Whether the schedule runs. */
	enum ScheduleState {

		/** The schedule triggers runs. */
		ACTIVE,

		/** An operator paused it. */
		PAUSED,

		/** QStash has no such schedule. */
		MISSING

	}

}
