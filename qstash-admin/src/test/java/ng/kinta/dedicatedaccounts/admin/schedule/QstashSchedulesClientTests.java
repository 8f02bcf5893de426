package ng.kinta.dedicatedaccounts.admin.schedule;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client against a QStash stand-in on loopback: exact requests (method, raw path,
 * headers, bearer token) and the mapping of QStash's answers.
 */
class QstashSchedulesClientTests {

	private static final String TOKEN = "qstash-test-token-5eCr3t";

	private static final String DESTINATION = "https://api.example.com/api/cron/create-dedicated-accounts";

	@RegisterExtension
	static WireMockExtension qstash = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private QstashSchedulesClient client;

	@BeforeEach
	void createClient() {
		// a trailing slash on QSTASH_URL must not produce '//v2'
		this.client = clientFor(qstash.baseUrl() + "/");
	}

	@Test
	void createSendsTheExactQstashRequestAndReturnsTheId() {
		qstash.stubFor(post(anyUrl()).willReturn(okJson("{\"scheduleId\":\"create-dedicated-accounts\"}")));

		String id = this.client
			.createOrOverwrite(new ScheduleDefinition("create-dedicated-accounts", "0 */3 * * *", DESTINATION, 3));

		assertThat(id).isEqualTo("create-dedicated-accounts");
		qstash.verify(1,
				postRequestedFor(urlEqualTo("/v2/schedules/" + DESTINATION))
					.withHeader("Authorization", equalTo("Bearer " + TOKEN))
					.withHeader("Upstash-Schedule-Id", equalTo("create-dedicated-accounts"))
					.withHeader("Upstash-Cron", equalTo("0 */3 * * *"))
					.withHeader("Upstash-Retries", equalTo("3"))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson("{}")));
	}

	@Test
	void createTwiceSendsTheSameScheduleIdSoQstashOverwrites() {
		qstash.stubFor(post(anyUrl()).willReturn(okJson("{\"scheduleId\":\"fixed\"}")));
		ScheduleDefinition definition = new ScheduleDefinition("fixed", "0 */3 * * *", DESTINATION, 3);

		this.client.createOrOverwrite(definition);
		this.client.createOrOverwrite(definition);

		assertThat(qstash.findAll(postRequestedFor(anyUrl())))
			.extracting((request) -> request.getHeader("Upstash-Schedule-Id"))
			.containsExactly("fixed", "fixed");
	}

	@Test
	void listParsesLenientlyAndAcceptsBothCallerIpSpellings() {
		qstash.stubFor(get("/v2/schedules").willReturn(okJson("""
				[{"scheduleId":"a","cron":"0 */3 * * *","createdAt":1754565618803,"destination":"https://x/1",
				  "method":"POST","header":{"Content-Type":["application/json"]},"retries":3,"isPaused":true,
				  "nextScheduleTime":1759909800000,"callerIP":"1.2.3.4","somethingNew":{"nested":[1,2]}},
				 {"scheduleId":"b","cron":"* * * * *","destination":"https://x/2","callerIp":"5.6.7.8"}]""")));

		List<Schedule> schedules = this.client.list();

		assertThat(schedules).hasSize(2);
		assertThat(schedules.get(0)).isEqualTo(new Schedule("a", "0 */3 * * *", "https://x/1", "POST", 1754565618803L,
				true, 3, null, 1759909800000L, "1.2.3.4"));
		assertThat(schedules.get(1).paused()).isFalse();
		assertThat(schedules.get(1).callerIp()).isEqualTo("5.6.7.8");
		qstash.verify(
				getRequestedFor(urlEqualTo("/v2/schedules")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void answersWithoutAContentTypeAreStillRead() {
		qstash
			.stubFor(get("/v2/schedules").willReturn(aResponse().withStatus(200).withBody("[{\"scheduleId\":\"a\"}]")));

		assertThat(this.client.list()).extracting(Schedule::scheduleId).containsExactly("a");
	}

	@Test
	void getReadsOneSchedule() {
		qstash.stubFor(get("/v2/schedules/abc")
			.willReturn(okJson("{\"scheduleId\":\"abc\",\"cron\":\"0 * * * *\",\"isPaused\":false}")));

		assertThat(this.client.get("abc").cron()).isEqualTo("0 * * * *");
	}

	@Test
	void deleteSendsDelete() {
		qstash.stubFor(delete("/v2/schedules/abc").willReturn(aResponse().withStatus(200)));

		this.client.delete("abc");

		qstash.verify(1, deleteRequestedFor(urlEqualTo("/v2/schedules/abc")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
	}

	@Test
	void cancellingCatchUpsFiltersByTheirLabelAndTheTriggersUrl() {
		qstash.stubFor(delete(urlPathEqualTo("/v2/messages")).willReturn(okJson("{\"cancelled\":2}")));

		int cancelled = this.client.cancelCatchUps(DESTINATION);

		assertThat(cancelled).isEqualTo(2);
		// both filters, always: a bulk cancel without any cancels every message
		qstash.verify(1,
				deleteRequestedFor(urlPathEqualTo("/v2/messages")).withQueryParam("label", equalTo("catch-up"))
					.withQueryParam("url", equalTo(DESTINATION))
					.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void pauseAndResumeUsePatch() {
		qstash.stubFor(patch(anyUrl()).willReturn(aResponse().withStatus(200)));

		this.client.pause("abc");
		this.client.resume("abc");

		qstash.verify(1,
				patchRequestedFor(urlEqualTo("/v2/schedules/abc/pause"))
					.withHeader("Authorization", equalTo("Bearer " + TOKEN))
					.withRequestBody(absent()));
		qstash.verify(1, patchRequestedFor(urlEqualTo("/v2/schedules/abc/resume")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			401 | {"error":"invalid token"}            | invalid token
			404 | {"error":"schedule abc not found"}   | schedule abc not found
			429 | {"error":"too many requests"}        | too many requests
			500 | internal failure (not json)          | internal failure (not json)
			""")
	void qstashErrorsBecomeExceptionsWithQstashsMessage(int status, String body, String message) {
		qstash.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));

		assertThatExceptionOfType(QstashException.class).isThrownBy(() -> this.client.delete("abc"))
			.withMessageContaining(message)
			.withMessageContaining("HTTP " + status)
			.withMessageContaining("delete schedule 'abc'")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(status));
	}

	@Test
	void rateLimitWithoutBodyStillSaysWhatHappened() {
		qstash.stubFor(get("/v2/schedules").willReturn(aResponse().withStatus(429)));

		assertThatExceptionOfType(QstashException.class).isThrownBy(this.client::list)
			.withMessageContaining("HTTP 429")
			.withMessageContaining("rate limited");
	}

	@Test
	void tokenEchoedByQstashIsRedacted() {
		qstash.stubFor(get("/v2/schedules")
			.willReturn(aResponse().withStatus(401).withBody("{\"error\":\"token " + TOKEN + " is invalid\"}")));

		assertThatExceptionOfType(QstashException.class).isThrownBy(this.client::list)
			.withMessageNotContaining(TOKEN)
			.withMessageContaining("token *** is invalid");
	}

	@Test
	void unreachableQstashIsAQstashExceptionWithoutStatus() throws IOException {
		QstashSchedulesClient unreachable = clientFor("http://127.0.0.1:" + freePort());

		assertThatExceptionOfType(QstashException.class).isThrownBy(unreachable::list)
			.withMessageContaining("unreachable")
			.withMessageNotContaining(TOKEN)
			.satisfies((ex) -> assertThat(ex.status()).isNull());
	}

	@Test
	void slowQstashHitsTheReadTimeout() {
		qstash.stubFor(get("/v2/schedules").willReturn(okJson("[]").withFixedDelay(3_000)));
		QstashSchedulesClient impatient = new QstashSchedulesClient(RestClient.builder(),
				new QstashProperties(qstash.baseUrl(), TOKEN, Duration.ofSeconds(1), Duration.ofMillis(200)));

		assertThatExceptionOfType(QstashException.class).isThrownBy(impatient::list)
			.withMessageContaining("did not answer in time")
			.withMessageContaining("HttpTimeoutException");
	}

	@Test
	void unreadableAnswerIsAQstashException() {
		qstash.stubFor(get("/v2/schedules").willReturn(okJson("not json")));

		assertThatExceptionOfType(QstashException.class).isThrownBy(this.client::list)
			.withMessageContaining("unreadable");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a/b", "..", "id?x=1" })
	void invalidIdsAreRefusedBeforeAnythingIsSent(String id) {
		assertThatExceptionOfType(InvalidScheduleIdException.class).isThrownBy(() -> this.client.delete(id));
		assertThat(qstash.getAllServeEvents()).isEmpty();
	}

	private static QstashSchedulesClient clientFor(String url) {
		return new QstashSchedulesClient(RestClient.builder(),
				new QstashProperties(url, TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(5)));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
