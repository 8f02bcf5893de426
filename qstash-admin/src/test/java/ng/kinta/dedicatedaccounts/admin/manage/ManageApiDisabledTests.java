package ng.kinta.dedicatedaccounts.admin.manage;

import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/** With {@code SIGNATURE} unset the API refuses everything, whatever is sent. */
@WebMvcTest(controllers = ManageController.class, properties = "app.schedule.public-api-url=https://api.example.com")
@Import(ManageConfiguration.class)
class ManageApiDisabledTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private QstashSchedulesClient schedules;

	@ParameterizedTest
	@ValueSource(strings = { "{\"action\":\"list\"}", "{\"action\":\"list\",\"signature\":\"\"}",
			"{\"action\":\"list\",\"signature\":null}", "{\"action\":\"list\",\"signature\":\"anything\"}" })
	void everyCallIsRefused(String body) {
		assertThat(this.mvc.post().uri("/api/cron/manage").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(401)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The management API is disabled (SIGNATURE is not set)");
		verifyNoInteractions(this.schedules);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScheduleProperties.class)
	static class ScheduleConfiguration {

	}

}
