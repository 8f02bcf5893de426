package ng.kinta.dedicatedaccounts.trigger.catchup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import ng.kinta.dedicatedaccounts.batch.run.ChainedCatchUp;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import ng.kinta.dedicatedaccounts.batch.run.RunChain;
import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * When a run chains a catch-up, and the exact publish request, against a WireMock QStash
 * that records what it is sent.
 */
class CatchUpsTests {

	static final String TOKEN = "qstash-token-catch-up-7f31";

	static final String DESTINATION = "https://trigger.example.test/api/cron/create-dedicated-accounts";

	static final String PUBLISH_PATH = "/v2/publish/" + DESTINATION;

	static final String SCHEDULE_PATH = "/v2/schedules/create-dedicated-accounts";

	static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

	static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

	static final WireMockServer QSTASH = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		QSTASH.start();
	}

	final JobRunService runs = mock(JobRunService.class);

	CatchUps catchUps;

	@BeforeEach
	void setUp() {
		QSTASH.resetAll();
		QSTASH.stubFor(WireMock.post(urlPathMatching("/v2/publish/.*"))
			.willReturn(WireMock.jsonResponse("{\"messageId\":\"msg_catch_up_1\"}", 201)));
		scheduleAnswers("{\"scheduleId\":\"create-dedicated-accounts\",\"cron\":\"0 */3 * * *\",\"isPaused\":false}",
				200);
		given(this.runs.chainOf(anyLong())).willReturn(new RunChain(null, null));
		given(this.runs.catchUpsPublishedSince(any())).willReturn(0L);
		this.catchUps = catchUps(48);
	}

	@AfterAll
	static void stopQstash() {
		QSTASH.stop();
	}

	@Test
	void aRunThatCreatedAccountsAndLeftUsersPublishesOneDelayedMessageToTheTriggersOwnEndpoint() {
		// when
		RunSummary answered = this.catchUps.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 50, 103));

		// then: the schedule's body and Content-Type, delayed, deduplicated, labelled
		QSTASH.verify(1, postRequestedFor(urlEqualTo(PUBLISH_PATH)));
		QSTASH.verify(postRequestedFor(urlEqualTo(PUBLISH_PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Upstash-Delay", equalTo("120s"))
			.withHeader("Upstash-Deduplication-Id", equalTo("catch-up-msg_parent"))
			.withHeader("Upstash-Forward-Trigger-Source", equalTo("catch-up"))
			.withHeader("Upstash-Label", equalTo("catch-up"))
			.withRequestBody(equalTo("{}")));
		then(this.runs).should().recordCatchUp(41L, new ChainedCatchUp("msg_catch_up_1", Duration.ofMinutes(2), NOW));
		assertThat(answered.catchUpScheduledIn()).isEqualTo(120L);
	}

	@Test
	void theDeliveredContentTypeIsPublishedAgainAsItCame() {
		// when
		this.catchUps.afterRun("msg_parent", "ping".getBytes(StandardCharsets.UTF_8), "text/plain;charset=UTF-8",
				run("COMPLETED_WITH_SKIPS", 48, 103));

		// then
		QSTASH.verify(postRequestedFor(urlEqualTo(PUBLISH_PATH))
			.withHeader("Content-Type", equalTo("text/plain;charset=UTF-8"))
			.withRequestBody(equalTo("ping")));
	}

	@Test
	void aRunWithItsCatchUpRecordedPublishesNoSecondOneWhenRedeliveredOrRestarted() {
		// given: recorded on the run or on an earlier execution of its job instance
		given(this.runs.chainOf(41L))
			.willReturn(new RunChain(new ChainedCatchUp("msg_catch_up_1", Duration.ofMinutes(2), NOW), null));

		// when
		RunSummary answered = this.catchUps.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 50, 103));

		// then
		QSTASH.verify(0, anyRequestedFor(anyUrl()));
		then(this.runs).should(never()).recordCatchUp(anyLong(), any());
		assertThat(answered.catchUpScheduledIn()).isEqualTo(120L);
	}

	@Test
	void aRunThatCreatedNothingChainsNoCatchUp() {
		RunSummary answered = this.catchUps.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 0, 103));

		QSTASH.verify(0, anyRequestedFor(anyUrl()));
		assertThat(answered.catchUpScheduledIn()).isNull();
	}

	@Test
	void aRunThatLeftNobodyChainsNoCatchUp() {
		this.catchUps.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 3, 0));

		QSTASH.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aFailedOrStoppedRunChainsNoCatchUp() {
		this.catchUps.afterRun("msg_parent", BODY, "application/json",
				new RunSummary(RunSummary.ERROR, "failed", 41L, "FAILED", counts(20, 103)));
		this.catchUps.afterRun("msg_parent", BODY, "application/json",
				new RunSummary(RunSummary.ERROR, "stopped", 41L, "STOPPED", counts(20, 103)));

		QSTASH.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRunInWhichTheMailOrBillstackCircuitOpenedChainsNoCatchUp() {
		given(this.runs.chainOf(41L)).willReturn(new RunChain(null, "mail relay"));
		this.catchUps.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 50, 103));
		given(this.runs.chainOf(41L)).willReturn(new RunChain(null, "Billstack throttling"));
		this.catchUps.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 50, 103));

		QSTASH.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aPausedOrDeletedScheduleStopsTheChain() {
		// given
		scheduleAnswers("{\"scheduleId\":\"create-dedicated-accounts\",\"isPaused\":true}", 200);

		// when
		RunSummary paused = this.catchUps.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 50, 103));
		scheduleAnswers("{\"error\":\"schedule not found\"}", 404);
		RunSummary deleted = this.catchUps.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 50, 103));

		// then: asked, never published
		QSTASH.verify(2, WireMock.getRequestedFor(urlEqualTo(SCHEDULE_PATH))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		QSTASH.verify(0, postRequestedFor(urlPathMatching("/v2/publish/.*")));
		assertThat(paused.catchUpScheduledIn()).isNull();
		assertThat(deleted.catchUpScheduledIn()).isNull();
	}

	@Test
	void theDailyCapCountsTheLast24HoursAndStopsTheChainWhenReached() {
		// given
		given(this.runs.catchUpsPublishedSince(NOW.minus(Duration.ofDays(1)))).willReturn(3L);

		// when
		catchUps(3).afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 50, 103));
		catchUps(4).afterRun("msg_other", BODY, "application/json", run("COMPLETED", 50, 103));

		// then: the cap of 3 stopped it, the cap of 4 did not
		QSTASH.verify(1, postRequestedFor(urlPathMatching("/v2/publish/.*")));
		QSTASH.verify(postRequestedFor(urlEqualTo(PUBLISH_PATH)).withHeader("Upstash-Deduplication-Id",
				equalTo("catch-up-msg_other")));
	}

	@Test
	void aScheduledRunInTheMiddleOfAChainStartsNoSecondChain() {
		// given: a catch-up published a minute ago, not delivered yet
		given(this.runs.latestCatchUp()).willReturn(Optional
			.of(new ChainedCatchUp("msg_pending", Duration.ofMinutes(2), NOW.minus(Duration.ofMinutes(1)))));
		given(this.runs.findLatestExecutionForMessage("msg_pending")).willReturn(Optional.empty());

		// when
		this.catchUps.afterRun("msg_scheduled_slot", BODY, "application/json", run("COMPLETED", 50, 103));

		// then
		QSTASH.verify(0, postRequestedFor(urlPathMatching("/v2/publish/.*")));
	}

	@Test
	void theChainGoesOnOnceThePendingCatchUpHasItsRunOrWasLostLongAgo() {
		// given: the latest catch-up is the one being run
		given(this.runs.latestCatchUp()).willReturn(Optional
			.of(new ChainedCatchUp("msg_pending", Duration.ofMinutes(2), NOW.minus(Duration.ofMinutes(3)))));
		given(this.runs.findLatestExecutionForMessage("msg_pending")).willReturn(Optional.of(40L));
		this.catchUps.afterRun("msg_pending", BODY, "application/json", run("COMPLETED", 50, 103));
		// and: one never delivered, published two hours ago
		given(this.runs.latestCatchUp()).willReturn(
				Optional.of(new ChainedCatchUp("msg_lost", Duration.ofMinutes(2), NOW.minus(Duration.ofHours(2)))));
		given(this.runs.findLatestExecutionForMessage("msg_lost")).willReturn(Optional.empty());
		this.catchUps.afterRun("msg_later_slot", BODY, "application/json", run("COMPLETED", 50, 103));

		// then
		QSTASH.verify(2, postRequestedFor(urlPathMatching("/v2/publish/.*")));
	}

	@Test
	void aDeliveryWithoutMessageIdChainsNoCatchUp() {
		this.catchUps.afterRun(null, BODY, "application/json", run("COMPLETED", 50, 103));

		QSTASH.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void qstashRefusingThePublishLeavesTheRunsAnswerAsItWas() {
		// given
		QSTASH.stubFor(WireMock.post(urlPathMatching("/v2/publish/.*"))
			.willReturn(WireMock.jsonResponse("{\"error\":\"quota exceeded\"}", 429)));
		RunSummary summary = run("COMPLETED", 50, 103);

		// when
		RunSummary answered = this.catchUps.afterRun("msg_parent", BODY, "application/json", summary);

		// then
		assertThat(answered).isEqualTo(summary);
		then(this.runs).should(never()).recordCatchUp(anyLong(), any());
	}

	@Test
	void switchedOffNothingIsAskedOrPublished() {
		CatchUps.OFF.afterRun("msg_parent", BODY, "application/json", run("COMPLETED", 50, 103));

		QSTASH.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aCatchUpDeliveryIsToldApartByItsForwardedHeader() {
		assertThat(CatchUps.sourceOf("catch-up", "qstash")).isEqualTo("catch-up");
		assertThat(CatchUps.sourceOf(null, "qstash")).isEqualTo("qstash");
		assertThat(CatchUps.sourceOf("cli", "qstash")).isEqualTo("qstash");
	}

	private CatchUps catchUps(int maxPerDay) {
		CatchUpProperties properties = new CatchUpProperties(null, Duration.ofMinutes(2), maxPerDay,
				"create-dedicated-accounts",
				new CatchUpProperties.Qstash(QSTASH.baseUrl(), TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2)));
		return new CatchUps(properties, new QstashPublishClient(RestClient.builder(), properties.qstash()), this.runs,
				DESTINATION, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static void scheduleAnswers(String body, int status) {
		QSTASH.stubFor(WireMock.get(urlEqualTo(SCHEDULE_PATH)).willReturn(WireMock.jsonResponse(body, status)));
	}

	private static RunSummary run(String exitStatus, long created, long remaining) {
		return new RunSummary(RunSummary.OK, "done", 41L, exitStatus, counts(created, remaining));
	}

	private static RunSummary.Counts counts(long created, long remaining) {
		return new RunSummary.Counts(created + remaining, created, remaining, created, 0, 0, created, 0);
	}

}
