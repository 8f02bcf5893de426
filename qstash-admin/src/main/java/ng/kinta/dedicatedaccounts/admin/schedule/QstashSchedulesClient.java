package ng.kinta.dedicatedaccounts.admin.schedule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Client for the QStash Schedules REST API ({@code docs/QSTASH.md} §4,
 * https://upstash.com/docs/qstash/api/schedules). Every call carries
 * {@code Authorization: Bearer <QSTASH_TOKEN>}.
 * <p>
 * Every method throws {@link QstashException} when QStash answers 4xx/5xx (with QStash's
 * message), cannot be reached, or answers something unreadable; and
 * {@link InvalidScheduleIdException} before sending anything when an id is missing or
 * invalid.
 */
public class QstashSchedulesClient {

	private static final TypeReference<List<Schedule>> SCHEDULES = new TypeReference<>() {
	};

	private static final TypeReference<Schedule> SCHEDULE = new TypeReference<>() {
	};

	private static final TypeReference<CreatedSchedule> CREATED = new TypeReference<>() {
	};

	private static final TypeReference<Cancelled> CANCELLED = new TypeReference<>() {
	};

	/**
	 * QStash label of the catch-up runs the trigger publishes (its
	 * {@code CatchUps.LABEL}).
	 */
	static final String CATCH_UP_LABEL = "catch-up";

	/**
	 * Delivered unchanged at every run; the trigger's signature check hashes these bytes.
	 */
	private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

	private final RestClient rest;

	private final String baseUrl;

	private final QstashErrors errors;

	QstashSchedulesClient(RestClient.Builder builder, QstashProperties properties) {
		this.baseUrl = properties.url();
		this.errors = new QstashErrors(properties.token());
		String token = properties.token();
		this.rest = builder.baseUrl(this.baseUrl)
			.requestFactory(requestFactory(properties))
			.defaultHeaders((headers) -> headers.setBearerAuth(token))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw this.errors.fromResponse(response.getStatusCode().value(), readBody(response));
			})
			.build();
	}

	// Without explicit timeouts one stuck connection would hang the command forever.
	private static JdkClientHttpRequestFactory requestFactory(QstashProperties properties) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(properties.readTimeout());
		return factory;
	}

	/**
	 * Creates the schedule, or replaces the settings of the schedule with the same id:
	 * {@code POST {base}/v2/schedules/{destination}} with the destination URL appended
	 * as-is (QStash reads it from the raw path), {@code Upstash-Schedule-Id},
	 * {@code Upstash-Cron}, {@code Upstash-Retries},
	 * {@code Content-Type: application/json} and body {@code {}}.
	 * @param definition the schedule
	 * @return the schedule id QStash reports
	 */
	public String createOrOverwrite(ScheduleDefinition definition) {
		ScheduleIds.requireValid(definition.scheduleId());
		// Built by hand so that no URI template encodes the destination (e.g. a '?').
		URI uri = URI.create(this.baseUrl + "/v2/schedules/" + definition.destination());
		String operation = "create schedule '" + definition.scheduleId() + "'";
		String answer = call(operation,
				() -> this.rest.post()
					.uri(uri)
					.header("Upstash-Schedule-Id", definition.scheduleId())
					.header("Upstash-Cron", definition.cron())
					.header("Upstash-Retries", Integer.toString(definition.retries()))
					.contentType(MediaType.APPLICATION_JSON)
					.body(BODY)
					.retrieve()
					.body(String.class));
		CreatedSchedule created = parse(operation, answer, CREATED);
		return (created != null && created.scheduleId() != null) ? created.scheduleId() : definition.scheduleId();
	}

	/**
	 * Lists all schedules: {@code GET {base}/v2/schedules}.
	 * @return the schedules, possibly empty
	 */
	public List<Schedule> list() {
		String operation = "list schedules";
		String answer = call(operation,
				() -> this.rest.get()
					.uri("/v2/schedules")
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(String.class));
		List<Schedule> schedules = parse(operation, answer, SCHEDULES);
		return (schedules != null) ? schedules : List.of();
	}

	/**
	 * Reads one schedule: {@code GET {base}/v2/schedules/{id}}; QStash answers 404 for an
	 * unknown id.
	 * @param scheduleId the schedule id
	 * @return the schedule
	 */
	public Schedule get(String scheduleId) {
		String id = ScheduleIds.requireValid(scheduleId);
		String operation = "get schedule '" + id + "'";
		String answer = call(operation,
				() -> this.rest.get()
					.uri("/v2/schedules/{id}", id)
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(String.class));
		Schedule schedule = parse(operation, answer, SCHEDULE);
		if (schedule == null) {
			throw new QstashException("QStash answered get schedule '" + id + "' with an empty body", null, null);
		}
		return schedule;
	}

	/**
	 * Deletes a schedule: {@code DELETE {base}/v2/schedules/{id}}.
	 * @param scheduleId the schedule id
	 */
	public void delete(String scheduleId) {
		String id = ScheduleIds.requireValid(scheduleId);
		call("delete schedule '" + id + "'",
				() -> this.rest.delete().uri("/v2/schedules/{id}", id).retrieve().toBodilessEntity());
	}

	/**
	 * Pauses a schedule: {@code PATCH {base}/v2/schedules/{id}/pause} (PATCH as all
	 * official SDKs send it); a no-op when already paused.
	 * @param scheduleId the schedule id
	 */
	public void pause(String scheduleId) {
		String id = ScheduleIds.requireValid(scheduleId);
		call("pause schedule '" + id + "'",
				() -> this.rest.patch().uri("/v2/schedules/{id}/pause", id).retrieve().toBodilessEntity());
	}

	/**
	 * Resumes a schedule: {@code PATCH {base}/v2/schedules/{id}/resume}; a no-op when not
	 * paused.
	 * @param scheduleId the schedule id
	 */
	public void resume(String scheduleId) {
		String id = ScheduleIds.requireValid(scheduleId);
		call("resume schedule '" + id + "'",
				() -> this.rest.patch().uri("/v2/schedules/{id}/resume", id).retrieve().toBodilessEntity());
	}

	/**
	 * Cancels the catch-up runs the trigger published and QStash has not delivered yet:
	 * {@code DELETE {base}/v2/messages?label=catch-up&url={destination}} (QStash's bulk
	 * cancel, both filters combined with AND; without any filter it would cancel every
	 * message of the account, so both are always sent). A message already in flight may
	 * still arrive.
	 * @param destination the trigger's URL, as the schedule names it
	 * @return how many messages QStash cancelled
	 */
	public int cancelCatchUps(String destination) {
		if (destination.isBlank()) {
			throw new IllegalArgumentException("destination is required");
		}
		String operation = "cancel pending catch-up runs";
		String answer = call(operation,
				() -> this.rest.delete()
					.uri((uri) -> uri.path("/v2/messages")
						.queryParam("label", CATCH_UP_LABEL)
						.queryParam("url", "{url}")
						.build(destination))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(String.class));
		Cancelled cancelled = parse(operation, answer, CANCELLED);
		return (cancelled != null && cancelled.cancelled() != null) ? cancelled.cancelled() : 0;
	}

	private <T> @Nullable T call(String operation, Supplier<@Nullable T> request) {
		try {
			return request.get();
		}
		catch (QstashException ex) {
			throw this.errors.withOperation(ex, operation);
		}
		catch (ResourceAccessException ex) {
			throw this.errors.unreachable(operation, this.baseUrl, ex);
		}
		catch (RestClientException ex) {
			throw this.errors.unreadable(operation, ex);
		}
	}

	// Parsed here rather than by a message converter so that an answer without a JSON
	// Content-Type (some proxies and stand-ins drop it) is still read.
	private <T> @Nullable T parse(String operation, @Nullable String body, TypeReference<T> type) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return JsonMapper.shared().readValue(body, type);
		}
		catch (JacksonException ex) {
			throw this.errors.unreadable(operation, ex);
		}
	}

	private static String readBody(ClientHttpResponse response) {
		try {
			return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	record CreatedSchedule(@Nullable String scheduleId) {
	}

	record Cancelled(@Nullable Integer cancelled) {
	}

}
