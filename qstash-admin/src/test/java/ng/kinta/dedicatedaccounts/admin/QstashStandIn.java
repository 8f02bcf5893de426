package ng.kinta.dedicatedaccounts.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A QStash stand-in for WireMock that keeps schedules in memory and behaves like QStash's
 * Schedules API ({@code docs/QSTASH.md} §4): create with {@code Upstash-Schedule-Id}
 * overwrites, list/get/delete/pause/resume, 401 for a wrong bearer token, 404 for an
 * unknown id. Attach it to a stub with {@code withTransformers(QstashStandIn.NAME)}.
 */
final class QstashStandIn implements ResponseDefinitionTransformerV2 {

	static final String NAME = "qstash-schedules";

	private static final String PREFIX = "/v2/schedules";

	private final String token;

	private final Map<String, Map<String, Object>> schedules = new LinkedHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	QstashStandIn(String token) {
		this.token = token;
	}

	synchronized void reset() {
		this.schedules.clear();
	}

	synchronized List<Map<String, Object>> schedules() {
		return new ArrayList<>(this.schedules.values());
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		if (!("Bearer " + this.token).equals(request.getHeader("Authorization"))) {
			return error(401, "invalid token");
		}
		String url = request.getUrl();
		String method = request.getMethod().getName();
		if (method.equals("POST") && url.startsWith(PREFIX + "/")) {
			return create(request, url.substring(PREFIX.length() + 1));
		}
		if (method.equals("GET") && url.equals(PREFIX)) {
			return json(200, new ArrayList<>(this.schedules.values()));
		}
		String rest = url.startsWith(PREFIX + "/") ? url.substring(PREFIX.length() + 1) : "";
		String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
		Map<String, Object> schedule = this.schedules.get(id);
		if (schedule == null) {
			return error(404, "schedule " + id + " not found");
		}
		return switch (method + " " + rest.substring(id.length())) {
			case "GET " -> json(200, schedule);
			case "DELETE " -> {
				this.schedules.remove(id);
				yield ResponseDefinitionBuilder.responseDefinition().withStatus(200).build();
			}
			case "PATCH /pause", "PATCH /resume" -> {
				schedule.put("isPaused", rest.endsWith("/pause"));
				yield ResponseDefinitionBuilder.responseDefinition().withStatus(200).build();
			}
			default -> error(405, "method not allowed");
		};
	}

	private ResponseDefinition create(LoggedRequest request, String destination) {
		String cron = request.getHeader("Upstash-Cron");
		if (cron == null || cron.isBlank()) {
			return error(400, "Invalid cron expression empty spec string");
		}
		String id = request.containsHeader("Upstash-Schedule-Id") ? request.getHeader("Upstash-Schedule-Id")
				: "scd_" + this.ids.incrementAndGet();
		Map<String, Object> schedule = new LinkedHashMap<>();
		schedule.put("scheduleId", id);
		schedule.put("cron", cron);
		schedule.put("createdAt", 1754565618803L);
		schedule.put("destination", destination);
		schedule.put("method", "POST");
		schedule.put("header", Map.of("Content-Type", List.of(request.getHeader("Content-Type"))));
		schedule.put("body", request.getBodyAsString());
		schedule.put("retries", Integer.parseInt(request.getHeader("Upstash-Retries")));
		schedule.put("isPaused", false);
		schedule.put("callerIP", "127.0.0.1");
		this.schedules.put(id, schedule);
		return json(200, Map.of("scheduleId", id));
	}

	private static ResponseDefinition error(int status, String message) {
		return json(status, Map.of("error", message));
	}

	private static ResponseDefinition json(int status, Object body) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(JsonMapper.shared().writeValueAsString(body))
			.build();
	}

}
