package ng.kinta.dedicatedaccounts.admin.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ng.kinta.dedicatedaccounts.admin.schedule.QstashException;
import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.Schedule;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleDefinition;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

class AdminCommandsTests {

	private static final String DESTINATION = "https://api.example.com/api/cron/create-dedicated-accounts";

	private final QstashSchedulesClient schedules = mock(QstashSchedulesClient.class);

	private final AdminCommands commands = new AdminCommands(this.schedules,
			new ScheduleProperties("https://api.example.com", "create-dedicated-accounts", "0 */3 * * *", 3),
			JsonMapper.builder().build());

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void initCronCreatesTheConfiguredScheduleAndPrintsIt() {
		given(this.schedules.createOrOverwrite(any())).willReturn("create-dedicated-accounts");

		assertThat(run("init-cron")).isZero();

		then(this.schedules).should()
			.createOrOverwrite(new ScheduleDefinition("create-dedicated-accounts", "0 */3 * * *", DESTINATION, 3));
		assertThat(out()).isEqualTo(
				"{\"status\":\"ok\",\"action\":\"schedule\",\"scheduleId\":\"create-dedicated-accounts\",\"cron\":\"0 */3 * * *\",\"destination\":\""
						+ DESTINATION + "\"}\n");
	}

	@Test
	void listPrintsTheSchedulesAsAJsonArray() {
		given(this.schedules.list())
			.willReturn(List.of(new Schedule("a", "0 */3 * * *", DESTINATION, "POST", 1L, false, 3, null, null, null),
					new Schedule("b", "* * * * *", "https://x", "POST", 2L, true, 3, null, null, null)));

		assertThat(run("list")).isZero();

		JsonNode list = JsonMapper.builder().build().readTree(out());
		assertThat(out().lines()).hasSize(1);
		assertThat(list).hasSize(2);
		assertThat(list.get(0).path("scheduleId").asString()).isEqualTo("a");
		assertThat(list.get(0).path("destination").asString()).isEqualTo(DESTINATION);
		assertThat(list.get(1).path("isPaused").asBoolean()).isTrue();
	}

	@Test
	void listPrintsAnEmptyArrayWhenThereAreNoSchedules() {
		given(this.schedules.list()).willReturn(List.of());

		assertThat(run("list")).isZero();
		assertThat(out()).isEqualTo("[]\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "delete", "pause", "resume" })
	void idCommandsCallQstash(String command) {
		assertThat(run(command, "abc")).isZero();

		switch (command) {
			case "delete" -> then(this.schedules).should().delete("abc");
			case "pause" -> then(this.schedules).should().pause("abc");
			default -> then(this.schedules).should().resume("abc");
		}
		assertThat(out()).isEqualTo("{\"status\":\"ok\",\"action\":\"" + command + "\",\"scheduleId\":\"abc\"}\n");
	}

	@Test
	void pausingTheJobsScheduleCancelsTheCatchUpRunsAlreadyPublished() {
		given(this.schedules.cancelCatchUps(DESTINATION)).willReturn(2);

		assertThat(run("pause", "create-dedicated-accounts")).isZero();

		then(this.schedules).should().pause("create-dedicated-accounts");
		then(this.schedules).should().cancelCatchUps(DESTINATION);
		assertThat(out()).startsWith(
				"{\"status\":\"ok\",\"action\":\"pause\",\"scheduleId\":\"create-dedicated-accounts\",\"cancelledCatchUps\":2,")
			.contains("pending catch-up runs cancelled");
	}

	@Test
	void aPauseWhoseCancellationFailsStandsAndSaysPublishedCatchUpsWillStillArrive() {
		willThrow(new QstashException("QStash refused to cancel pending catch-up runs (HTTP 500)", 500, null))
			.given(this.schedules)
			.cancelCatchUps(DESTINATION);

		assertThat(run("pause", "create-dedicated-accounts")).isZero();

		assertThat(out()).doesNotContain("cancelledCatchUps")
			.contains("catch-up runs already published will still arrive");
	}

	@Test
	void qstashFailureExitsWith1AndPrintsTheMessage() {
		willThrow(new QstashException("QStash refused to delete schedule 'abc' (HTTP 404 Not Found: not found)", 404,
				null))
			.given(this.schedules)
			.delete("abc");

		assertThat(run("delete", "abc")).isEqualTo(1);
		assertThat(err()).contains("HTTP 404 Not Found: not found");
		assertThat(out()).isEmpty();
	}

	private int run(String... args) {
		AdminCommand command = new AdminCommand(args[0], (args.length > 1) ? args[1] : null);
		return this.commands.run(command, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
