package ng.kinta.dedicatedaccounts.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A QStash stand-in on loopback (WireMock) for catch-up runs on the demo: accepts
 * {@code POST /v2/publish/{destination}} with the demo token (deduplicated by
 * {@code Upstash-Deduplication-Id}: a repeat is answered 202 with the first message's id,
 * as QStash does), and after {@code Upstash-Delay} delivers the message to its
 * destination signed with the demo's current signing key, with a message id of its own,
 * the {@code Upstash-Forward-*} headers without their prefix, and up to three retries
 * (after {@code Retry-After}) of a non-2xx answer. {@code GET /v2/schedules/{id}} answers
 * an active schedule: the demo has none, and nothing pauses it.
 */
final class DemoQstash implements AutoCloseable {

	static final String TOKEN = "demo-qstash-token-not-a-secret";

	private static final Logger logger = LoggerFactory.getLogger(DemoQstash.class);

	private static final Pattern DELAY = Pattern.compile("(\\d+)([smhd]?)");

	private static final String FORWARD = "Upstash-Forward-";

	private static final int RETRIES = 3;

	private final WireMockServer server;

	private final Publishes publishes;

	private DemoQstash(WireMockServer server, Publishes publishes) {
		this.server = server;
		this.publishes = publishes;
	}

	static DemoQstash start(String signingKey) {
		Publishes publishes = new Publishes(new QstashTokenSigner(signingKey, Clock.systemUTC()));
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.disableRequestJournal()
			.extensions(publishes));
		server.start();
		server.stubFor(WireMock.post(WireMock.urlPathMatching("/v2/publish/.+"))
			.withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
			.willReturn(WireMock.aResponse().withTransformers(Publishes.NAME)));
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/v2/schedules/[A-Za-z0-9._-]+"))
			.withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
			.willReturn(
					WireMock.jsonResponse("{\"scheduleId\":\"create-dedicated-accounts\",\"isPaused\":false}", 200)));
		server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(10)
			.willReturn(WireMock.jsonResponse("{\"error\":\"Unauthorized\"}", 401)));
		return new DemoQstash(server, publishes);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Messages delivered so far.
	 * @return the count of delivery attempts answered 2xx
	 */
	int deliveredCount() {
		return this.publishes.delivered.get();
	}

	@Override
	public void close() {
		this.publishes.scheduler.shutdownNow();
		this.server.stop();
	}

	/** Records each publish and schedules its delivery. */
	static final class Publishes implements ResponseDefinitionTransformerV2 {

		static final String NAME = "demo-qstash-publish";

		private final QstashTokenSigner signer;

		private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "demo-qstash-delivery");
			thread.setDaemon(true);
			return thread;
		});

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final Map<String, String> byDeduplicationId = new ConcurrentHashMap<>();

		private final AtomicInteger ids = new AtomicInteger();

		private final AtomicInteger delivered = new AtomicInteger();

		Publishes(QstashTokenSigner signer) {
			this.signer = signer;
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
			LoggedRequest request = serveEvent.getRequest();
			String destination = request.getUrl().substring("/v2/publish/".length());
			String deduplicationId = request.getHeader("Upstash-Deduplication-Id");
			String messageId = "msg_demo_" + this.ids.incrementAndGet();
			if (deduplicationId != null) {
				String first = this.byDeduplicationId.putIfAbsent(deduplicationId, messageId);
				if (first != null) {
					return answer(202, first);
				}
			}
			Duration delay = delay(request.getHeader("Upstash-Delay"));
			Delivery delivery = new Delivery(messageId, destination, request.getBody(),
					request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : "application/json",
					forwarded(request));
			logger.info("Demo QStash: message {} published, delivered to {} in {} s", messageId, destination,
					delay.toSeconds());
			this.scheduler.schedule(() -> deliver(delivery, 0), delay.toMillis(), TimeUnit.MILLISECONDS);
			return answer(201, messageId);
		}

		private void deliver(Delivery delivery, int retried) {
			// on its own thread: the trigger answers once its run has ended
			Thread attempt = new Thread(() -> {
				long retryAfter = 2;
				try {
					HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(delivery.destination()))
						.timeout(Duration.ofMinutes(15))
						.header("Content-Type", delivery.contentType())
						.header("Upstash-Signature", this.signer.sign(delivery.destination(), delivery.body()))
						.header("Upstash-Message-Id", delivery.messageId())
						.header("Upstash-Retried", Integer.toString(retried))
						.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
					delivery.headers().forEach(builder::header);
					HttpResponse<Void> response = this.http.send(builder.build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() / 100 == 2) {
						this.delivered.incrementAndGet();
						logger.info("Demo QStash: message {} delivered, HTTP {}", delivery.messageId(),
								response.statusCode());
						return;
					}
					retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(retryAfter);
					logger.info("Demo QStash: message {} answered HTTP {}", delivery.messageId(),
							response.statusCode());
				}
				catch (IOException | RuntimeException ex) {
					logger.info("Demo QStash: message {} not delivered: {}", delivery.messageId(),
							ex.getClass().getSimpleName());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (retried < RETRIES && !this.scheduler.isShutdown()) {
					this.scheduler.schedule(() -> deliver(delivery, retried + 1), retryAfter, TimeUnit.SECONDS);
				}
			}, "demo-qstash-" + delivery.messageId());
			attempt.setDaemon(true);
			attempt.start();
		}

		private static Map<String, String> forwarded(LoggedRequest request) {
			Map<String, String> headers = new java.util.LinkedHashMap<>();
			for (HttpHeader header : request.getHeaders().all()) {
				if (header.key().regionMatches(true, 0, FORWARD, 0, FORWARD.length())) {
					headers.put(header.key().substring(FORWARD.length()), header.firstValue());
				}
			}
			return headers;
		}

		static Duration delay(String header) {
			if (header == null) {
				return Duration.ZERO;
			}
			Matcher matcher = DELAY.matcher(header.trim());
			if (!matcher.matches()) {
				return Duration.ZERO;
			}
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofSeconds(amount);
			};
		}

		private static ResponseDefinition answer(int status, String messageId) {
			return new ResponseDefinitionBuilder().withStatus(status)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"messageId\":\"" + messageId + "\"}")
				.build();
		}

	}

	private record Delivery(String messageId, String destination, byte[] body, String contentType,
			Map<String, String> headers) {
	}

}
