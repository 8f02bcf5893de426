package ng.kinta.dedicatedaccounts.admin.manage;

import java.util.List;

import ng.kinta.dedicatedaccounts.admin.schedule.QstashException;
import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.Schedule;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleDefinition;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(controllers = ManageController.class,
		properties = { "app.manage.signature=" + ManageControllerTests.SIGNATURE,
				"app.schedule.public-api-url=https://api.example.com/" })
@Import(ManageConfiguration.class)
class ManageControllerTests {

	static final String SIGNATURE = "the-Management-Secret";

	private static final String DESTINATION = "https://api.example.com/api/cron/create-dedicated-accounts";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private QstashSchedulesClient schedules;

	@Test
	void scheduleCreatesTheConfiguredScheduleWhenNoIdIsGiven() {
		given(this.schedules.createOrOverwrite(any())).willReturn("create-dedicated-accounts");

		MvcTestResult result = post("{\"action\":\"schedule\",\"signature\":\"" + SIGNATURE + "\"}");

		assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"status":"ok","action":"schedule","scheduleId":"create-dedicated-accounts",
				 "cron":"0 */3 * * *","destination":"%s"}""".formatted(DESTINATION));
		then(this.schedules).should()
			.createOrOverwrite(new ScheduleDefinition("create-dedicated-accounts", "0 */3 * * *", DESTINATION, 3));
	}

	@Test
	void scheduleRefusesAnIdOtherThanTheFixedOne() {
		assertThat(post("{\"action\":\"schedule\",\"scheduleId\":\"mine\",\"signature\":\"" + SIGNATURE + "\"}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("create-dedicated-accounts");
		then(this.schedules).shouldHaveNoInteractions();
	}

	@Test
	void listReturnsTheScheduleArray() {
		given(this.schedules.list()).willReturn(
				List.of(new Schedule("a", "0 */3 * * *", DESTINATION, "POST", 1L, true, 3, null, null, "1.2.3.4")));

		assertThat(post("{\"action\":\"list\",\"signature\":\"" + SIGNATURE + "\"}")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					[{"scheduleId":"a","cron":"0 */3 * * *","destination":"%s","method":"POST","createdAt":1,
					  "isPaused":true,"retries":3,"callerIp":"1.2.3.4"}]""".formatted(DESTINATION));
	}

	@ParameterizedTest
	@ValueSource(strings = { "delete", "pause", "resume" })
	void actionsOnAScheduleCallQstashWithTheId(String action) {
		assertThat(post("{\"action\":\"" + action + "\",\"scheduleId\":\"abc\",\"signature\":\"" + SIGNATURE + "\"}"))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"status\":\"ok\",\"action\":\"" + action + "\",\"scheduleId\":\"abc\"}");
		switch (action) {
			case "delete" -> then(this.schedules).should().delete("abc");
			case "pause" -> then(this.schedules).should().pause("abc");
			default -> then(this.schedules).should().resume("abc");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"signature\":\"wrong\"", "\"signature\":\"\"", "\"signature\":null", "",
			"\"signature\":\"the-Management-Secret-but-longer\"", "\"signature\":\"the-management-secret\"" })
	void badSignaturesAreRefusedWith401AndNothingIsSent(String signatureField) {
		String body = "{\"action\":\"list\"" + (signatureField.isEmpty() ? "" : "," + signatureField) + "}";

		assertThat(post(body)).hasStatus(401)
			.bodyJson()
			.isLenientlyEqualTo("{\"status\":401,\"detail\":\"Missing or invalid signature\"}");
		verifyNoInteractions(this.schedules);
	}

	@Test
	void signatureIsCheckedBeforeTheAction() {
		assertThat(post("{\"action\":\"explode\",\"signature\":\"wrong\"}")).hasStatus(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"action\":\"explode\",", "\"action\":\"\",", "" })
	void unknownOrMissingActionIs400(String actionField) {
		assertThat(post("{" + actionField + "\"signature\":\"" + SIGNATURE + "\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("expected one of: schedule, list, delete, pause, resume");
		verifyNoInteractions(this.schedules);
	}

	@ParameterizedTest
	@CsvSource({ "delete,", "pause,", "resume,", "delete,\"\"", "delete,\" \"" })
	void missingScheduleIdIs400(String action, String scheduleIdJson) {
		String idField = (scheduleIdJson != null) ? "\"scheduleId\":" + scheduleIdJson + "," : "";

		assertThat(post("{\"action\":\"" + action + "\"," + idField + "\"signature\":\"" + SIGNATURE + "\"}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("scheduleId is required for action '" + action + "'");
		verifyNoInteractions(this.schedules);
	}

	@Test
	void invalidScheduleIdForScheduleIs400() {
		assertThat(post("{\"action\":\"schedule\",\"scheduleId\":\"a/b\",\"signature\":\"" + SIGNATURE + "\"}"))
			.hasStatus(400);
		verifyNoInteractions(this.schedules);
	}

	@Test
	void malformedJsonIs400WithAMessageThatDoesNotEchoTheBody() {
		MvcTestResult result = post("{\"action\":\"list\",\"signature\":\"" + SIGNATURE + "\"");

		assertThat(result).hasStatus(400)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("Malformed JSON request body");
		assertThat(result).bodyText().doesNotContain(SIGNATURE);
	}

	@ParameterizedTest
	@CsvSource({ "401,invalid token", "404,schedule abc not found", "429,too many requests", "500,internal error" })
	void qstashFailuresAre502WithQstashsMessage(int status, String message) {
		willThrow(new QstashException("QStash refused to delete schedule 'abc' (HTTP " + status + ": " + message + ")",
				status, null))
			.given(this.schedules)
			.delete("abc");

		MvcTestResult result = post(
				"{\"action\":\"delete\",\"scheduleId\":\"abc\",\"signature\":\"" + SIGNATURE + "\"}");

		assertThat(result).hasStatus(502).bodyJson().isLenientlyEqualTo("""
				{"status":502,"title":"QStash request failed","qstashStatus":%d}""".formatted(status));
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(message);
	}

	@Test
	void unreachableQstashIs502WithoutQstashStatus() {
		given(this.schedules.list())
			.willThrow(new QstashException("QStash is unreachable at http://127.0.0.1:1 (list schedules)", null, null));

		MvcTestResult result = post("{\"action\":\"list\",\"signature\":\"" + SIGNATURE + "\"}");

		assertThat(result).hasStatus(502).bodyJson().extractingPath("$.detail").asString().contains("unreachable");
		assertThat(result).bodyText().doesNotContain("qstashStatus");
	}

	@Test
	void unexpectedErrorsAre500WithoutAStackTrace() {
		given(this.schedules.list()).willThrow(new IllegalStateException("boom at some.internal.Class"));

		MvcTestResult result = post("{\"action\":\"list\",\"signature\":\"" + SIGNATURE + "\"}");

		assertThat(result).hasStatus(500).bodyText().doesNotContain("boom").doesNotContain("at some.internal");
	}

	private MvcTestResult post(String json) {
		return this.mvc.post().uri("/api/cron/manage").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScheduleProperties.class)
	static class ScheduleConfiguration {

	}

}
