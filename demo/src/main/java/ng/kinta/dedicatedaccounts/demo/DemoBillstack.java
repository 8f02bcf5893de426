package ng.kinta.dedicatedaccounts.demo;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Billstack stand-in on loopback (WireMock) that answers
 * {@code POST /v2/thirdparty/generateVirtualAccount/} in Billstack's format
 * ({@code docs/BILLSTACK.md} §2–§3), with a stable account number per reference and bank,
 * a configurable latency and configurable failing banks.
 */
final class DemoBillstack implements AutoCloseable {

	private static final String PATH = "/v2/thirdparty/generateVirtualAccount/";

	/**
	 * Longer than the demo profile's read timeout (2 s), short enough to free threads
	 * soon.
	 */
	private static final int TIMEOUT_DELAY_MILLIS = 3_000;

	private static final Map<String, String> BANK_NAMES = Map.of("PALMPAY", "PalmPay", "9PSB", "9 Payment Service Bank",
			"BANKLY", "Bankly", "PROVIDUS", "Providus Bank", "SAFEHAVEN", "Safe Haven MFB");

	private final WireMockServer server;

	private DemoBillstack(WireMockServer server) {
		this.server = server;
	}

	static DemoBillstack start(DemoBillstackProperties properties, String secretKey) {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.disableRequestJournal()
			// timed-out answers hold a thread each until their delay ends: keep
			// enough of them
			.containerThreads(64)
			.extensions(new Answer(properties)));
		server.start();
		server.stubFor(WireMock.post(WireMock.urlPathEqualTo(PATH))
			.withHeader("Authorization", WireMock.equalTo("Bearer " + secretKey))
			.willReturn(WireMock.aResponse().withTransformers(Answer.NAME)));
		server.stubFor(WireMock.post(WireMock.urlPathEqualTo(PATH))
			.atPriority(10)
			.willReturn(WireMock.jsonResponse("{\"status\":false,\"message\":\"Invalid secret key\"}", 401)));
		warmUp(server.port(), secretKey);
		return new DemoBillstack(server);
	}

	/*
	 * The real Billstack is a warm, remote server: one request in the background while
	 * the application starts, so that the job's first calls do not also pay for
	 * WireMock's first request in this JVM. Plain HttpURLConnection, not the job's HTTP
	 * client, so the job's own first-use costs stay in what a run measures.
	 */
	private static void warmUp(int port, String secretKey) {
		Thread warmUp = new Thread(() -> {
			try {
				HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + PATH)
					.toURL()
					.openConnection();
				connection.setRequestMethod("POST");
				connection.setDoOutput(true);
				connection.setRequestProperty("Authorization", "Bearer " + secretKey);
				connection.setRequestProperty("Content-Type", "application/json");
				connection.getOutputStream()
					.write("{\"bank\":\"WARMUP\",\"reference\":\"warm-up\"}".getBytes(StandardCharsets.UTF_8));
				connection.getInputStream().readAllBytes();
				connection.disconnect();
			}
			catch (IOException ex) {
				// only time is lost
			}
		}, "demo-billstack-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/** Builds each answer from the request body. */
	static final class Answer implements ResponseDefinitionTransformerV2 {

		static final String NAME = "demo-billstack";

		private final JsonMapper jsonMapper = JsonMapper.builder().build();

		private final DemoBillstackProperties properties;

		// references whose answers are lost, every time they are asked
		private final Set<String> lostReferences = ConcurrentHashMap.newKeySet();

		Answer(DemoBillstackProperties properties) {
			this.properties = properties;
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
		public ResponseDefinition transform(ServeEvent serveEvent) {
			JsonNode request = this.jsonMapper.readTree(serveEvent.getRequest().getBodyAsString());
			String bank = request.path("bank").asString("").toUpperCase(Locale.ROOT);
			String reference = request.path("reference").asString("");
			int latency = (int) this.properties.latency().toMillis();
			String failure = this.properties.failures().getOrDefault(bank, "");
			// the warm-up request (bank WARMUP) is nobody's
			if (failure.isEmpty() && BANK_NAMES.containsKey(bank) && loses(reference)) {
				// the account is created, the answer arrives after the read timeout
				return json(200, success(request, bank, reference), TIMEOUT_DELAY_MILLIS);
			}
			return switch (failure) {
				case "http-500" -> json(500, Map.of("status", false, "message", "Internal server error"), latency);
				case "http-503" -> json(503, Map.of("status", false, "message", "Service unavailable"), latency);
				case "status-false" -> json(200,
						Map.of("status", false, "message", bank + " is not available for this merchant"), latency);
				case "timeout" -> json(200, Map.of("status", false, "message", "late"), TIMEOUT_DELAY_MILLIS);
				default -> json(200, success(request, bank, reference), latency);
			};
		}

		private boolean loses(String reference) {
			if (this.lostReferences.contains(reference)) {
				return true;
			}
			synchronized (this.lostReferences) {
				if (this.lostReferences.size() < this.properties.loseAnswers()) {
					this.lostReferences.add(reference);
					return true;
				}
			}
			return false;
		}

		private Map<String, Object> success(JsonNode request, String bank, String reference) {
			String firstName = request.path("firstName").asString("");
			String lastName = request.path("lastName").asString("");
			Map<String, Object> account = Map.of("account_number", accountNumber(reference, bank), "account_name",
					"Kinta-" + firstName + " " + lastName, "bank_name", BANK_NAMES.getOrDefault(bank, bank), "bank_id",
					bank, "created_at", Instant.now().toString());
			return Map.of("status", true, "message", "Account created", "data", Map.of("reference", reference,
					"account", List.of(account), "meta",
					Map.of("firstName", firstName, "lastName", lastName, "email", request.path("email").asString(""))));
		}

		private ResponseDefinition json(int status, Map<String, Object> body, int delayMillis) {
			return new ResponseDefinitionBuilder().withStatus(status)
				.withHeader("Content-Type", "application/json")
				.withBody(this.jsonMapper.writeValueAsString(body))
				.withFixedDelay(delayMillis)
				.build();
		}

		private static String accountNumber(String reference, String bank) {
			try {
				byte[] hash = MessageDigest.getInstance("SHA-256")
					.digest((reference + "|" + bank).getBytes(StandardCharsets.UTF_8));
				long value = 0;
				for (int i = 0; i < 8; i++) {
					value = (value << 8) | (hash[i] & 0xff);
				}
				return String.format("%010d", Math.floorMod(value, 10_000_000_000L));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
