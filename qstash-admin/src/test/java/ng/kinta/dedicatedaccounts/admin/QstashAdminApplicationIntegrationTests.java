package ng.kinta.dedicatedaccounts.admin;

import java.io.IOException;
import java.net.ServerSocket;

import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with its web server: it starts, runs no command, and reports an
 * unreachable QStash (connection refused) as 502. Also: the demo module's settings start
 * it with nothing configured, and the {@code demo} profile alone brings no demo default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "qstash.token=context-test-token", "app.schedule.public-api-url=https://app.example.com/",
				"app.manage.signature=context-test-signature" })
class QstashAdminApplicationIntegrationTests {

	/**
	 * The demo's settings for qstash-admin, kept in the demo module, outside every jar.
	 */
	private static final String DEMO_SETTINGS = "file:../demo/config/qstash-admin/";

	@DynamicPropertySource
	static void unreachableQstash(DynamicPropertyRegistry registry) {
		registry.add("qstash.url", () -> "http://127.0.0.1:" + closedPort());
	}

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void contextStartsWithTheClientAndNoCommandRunner() {
		assertThat(this.context.getBean(QstashSchedulesClient.class)).isNotNull();
		assertThat(this.context.getBean(ScheduleProperties.class).destination())
			.isEqualTo("https://app.example.com/api/cron/create-dedicated-accounts");
		assertThat(this.context.getBeansOfType(ApplicationRunner.class)).isEmpty();
	}

	@Test
	void unreachableQstashIs502WithAMessage() {
		ResponseEntity<String> response = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, answer) -> {
			})
			.build()
			.post()
			.uri("/api/cron/manage")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"action\":\"list\",\"signature\":\"context-test-signature\"}")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(502);
		assertThat(response.getBody()).contains("QStash is unreachable").doesNotContain("context-test-token");
	}

	@Test
	void actuatorAnswersOnTheManagementPortOnly() {
		RestClient management = RestClient.builder()
			.baseUrl("http://localhost:" + this.managementPort)
			.defaultStatusHandler(HttpStatusCode::isError, (request, answer) -> {
			})
			.build();

		assertThat(management.get().uri("/actuator/health/liveness").retrieve().toEntity(String.class).getBody())
			.contains("\"status\":\"UP\"");
		assertThat(management.get().uri("/actuator/health/readiness").retrieve().toEntity(String.class).getBody())
			.contains("\"status\":\"UP\"");
		assertThat(management.get().uri("/actuator/info").retrieve().body(String.class))
			.contains("\"artifact\":\"qstash-admin\"");
		assertThat(management.get().uri("/actuator/prometheus").retrieve().body(String.class))
			.contains("jvm_memory_used_bytes");
		int onApplicationPort = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/health")
			.exchange((request, answer) -> answer.getStatusCode().value());
		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(onApplicationPort).isEqualTo(404);
	}

	@Test
	void theDemoSettingsOfTheDemoModuleStartTheAdminWithNothingConfigured() {
		try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(QstashAdminApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("demo")
			.run("--spring.config.additional-location=" + DEMO_SETTINGS)) {
			assertThat(demo.getBean(ScheduleProperties.class).destination())
				.isEqualTo("http://localhost:8080/api/cron/create-dedicated-accounts");
			assertThat(demo.getEnvironment().getProperty("app.manage.signature")).isEqualTo("demo-signature");
		}
	}

	@Test
	void aStrayDemoProfileNextToARealTokenOpensNothingWithAWellKnownSecret() {
		try (ConfigurableApplicationContext stray = new SpringApplicationBuilder(QstashAdminApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("demo")
			.run("--qstash.token=a-real-token", "--app.schedule.public-api-url=https://app.example.com")) {
			// the jar holds no demo defaults: SIGNATURE unset, so the manage API is off
			assertThat(stray.getEnvironment().getProperty("app.manage.signature")).isEmpty();
			assertThat(stray.getEnvironment().getProperty("qstash.url")).isEqualTo("https://qstash.upstash.io");
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
