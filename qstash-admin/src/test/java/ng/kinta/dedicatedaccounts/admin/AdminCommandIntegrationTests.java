package ng.kinta.dedicatedaccounts.admin;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import ng.kinta.dedicatedaccounts.admin.command.AdminCommandLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands as {@code java -jar qstash-admin.jar <command>} runs them (no web server),
 * against the in-memory QStash stand-in: output and exit codes.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminCommandIntegrationTests {

	private static final String TOKEN = "qstash-cli-token-9f8e7d";

	private static final String DESTINATION = "https://app.example.com/api/cron/create-dedicated-accounts";

	private static final QstashStandIn standIn = new QstashStandIn(TOKEN);

	@RegisterExtension
	static WireMockExtension qstash = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(standIn))
		.build();

	@BeforeEach
	void qstashStandIn() {
		standIn.reset();
		qstash.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(QstashStandIn.NAME)));
	}

	@Test
	void initCronTwiceLeavesOneScheduleAndListPrintsIt(CapturedOutput output) {
		assertThat(run("init-cron")).isZero();
		assertThat(run("init-cron")).isZero();

		assertThat(standIn.schedules()).singleElement()
			.satisfies((schedule) -> assertThat(schedule).containsEntry("scheduleId", "create-dedicated-accounts")
				.containsEntry("destination", DESTINATION)
				.containsEntry("cron", "0 */3 * * *"));
		qstash.verify(2, postRequestedFor(urlEqualTo("/v2/schedules/" + DESTINATION)).withHeader("Upstash-Schedule-Id",
				equalTo("create-dedicated-accounts")));
		assertThat(output.getOut()).contains(
				"{\"status\":\"ok\",\"action\":\"schedule\",\"scheduleId\":\"create-dedicated-accounts\",\"cron\":\"0 */3 * * *\",\"destination\":\""
						+ DESTINATION + "\"}");

		int before = output.getOut().length();
		assertThat(run("list")).isZero();
		JsonNode list = JsonMapper.builder().build().readTree(output.getOut().substring(before));
		assertThat(list.isArray()).isTrue();
		assertThat(list.get(0).path("scheduleId").asString()).isEqualTo("create-dedicated-accounts");
		assertThat(list.get(0).path("destination").asString()).isEqualTo(DESTINATION);
		assertThat(list.get(0).path("isPaused").asBoolean()).isFalse();
	}

	@Test
	void deleteRemovesTheSchedule(CapturedOutput output) {
		assertThat(run("init-cron")).isZero();

		assertThat(run("delete", "create-dedicated-accounts")).isZero();

		assertThat(standIn.schedules()).isEmpty();
		assertThat(output.getOut())
			.contains("{\"status\":\"ok\",\"action\":\"delete\",\"scheduleId\":\"create-dedicated-accounts\"}");
	}

	@Test
	void qstashFailureExitsWith1WithoutTheToken(CapturedOutput output) {
		assertThat(run("delete", "no-such-schedule")).isEqualTo(1);

		assertThat(output.getErr()).contains("HTTP 404").contains("schedule no-such-schedule not found");
		assertThat(output.getAll()).doesNotContain(TOKEN);
	}

	@Test
	void unreachableQstashExitsWith1(CapturedOutput output) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}

		assertThat(main("list", "--qstash.url=http://127.0.0.1:" + port, "--qstash.token=" + TOKEN,
				"--app.schedule.public-api-url=https://app.example.com"))
			.isEqualTo(1);
		assertThat(output.getErr()).contains("unreachable");
	}

	@Test
	void usageErrorsExitWith2(CapturedOutput output) {
		assertThat(run("delete")).isEqualTo(2);
		assertThat(run("frobnicate")).isEqualTo(2);
		assertThat(run("list", "extra")).isEqualTo(2);
		assertThat(run("delete", "bad/id")).isEqualTo(2);
		assertThat(run("list", "--qstsh.token=" + TOKEN)).isEqualTo(2);
		assertThat(output.getErr()).contains("Usage: java -jar qstash-admin.jar")
			.contains("Missing required parameter: 'ID'")
			.contains("Unknown option: '--qstsh.token=…'")
			.doesNotContain(TOKEN);
		assertThat(qstash.getAllServeEvents()).isEmpty();
	}

	@Test
	void missingTokenIsAConfigurationErrorExitingWith2(CapturedOutput output) {
		assertThat(main("list", "--qstash.token=", "--app.schedule.public-api-url=https://app.example.com"))
			.isEqualTo(2);
		assertThat(output.getAll()).contains("QSTASH_TOKEN is required");
	}

	@Test
	void missingPublicApiUrlIsAConfigurationErrorExitingWith2(CapturedOutput output) {
		assertThat(main("init-cron", "--qstash.token=" + TOKEN, "--app.schedule.public-api-url=")).isEqualTo(2);
		assertThat(output.getAll()).contains("NEXT_PUBLIC_API_URL is required").doesNotContain(TOKEN);
	}

	private static int run(String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		args.add("--qstash.url=" + qstash.baseUrl());
		args.add("--qstash.token=" + TOKEN);
		// one trailing slash is stripped from NEXT_PUBLIC_API_URL
		args.add("--app.schedule.public-api-url=https://app.example.com/");
		return main(args.toArray(String[]::new));
	}

	private static int main(String... args) {
		return AdminCommandLine.run(args, QstashAdminApplication.class).getAsInt();
	}

}
