package ng.kinta.dedicatedaccounts.admin.schedule;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchedulePropertiesTests {

	private final ScheduleProperties properties = new ScheduleProperties("https://api.example.com/",
			"create-dedicated-accounts", "0 */3 * * *", 3);

	@Test
	void destinationIsThePublicUrlWithOneTrailingSlashStrippedPlusTheTriggerPath() {
		assertThat(this.properties.destination())
			.isEqualTo("https://api.example.com/api/cron/create-dedicated-accounts");
	}

	@Test
	void definitionAlwaysUsesTheConfiguredId() {
		ScheduleDefinition expected = new ScheduleDefinition("create-dedicated-accounts", "0 */3 * * *",
				"https://api.example.com/api/cron/create-dedicated-accounts", 3);
		assertThat(this.properties.definition(null)).isEqualTo(expected);
		assertThat(this.properties.definition(" ")).isEqualTo(expected);
		assertThat(this.properties.definition("create-dedicated-accounts")).isEqualTo(expected);
	}

	@Test
	void definitionRefusesAnotherIdSoThatThereIsOneSchedule() {
		assertThatExceptionOfType(InvalidScheduleIdException.class)
			.isThrownBy(() -> this.properties.definition("other_1.v2"))
			.withMessageContaining("create-dedicated-accounts");
		assertThatExceptionOfType(InvalidScheduleIdException.class).isThrownBy(() -> this.properties.definition("a b"));
	}

	@Test
	void qstashUrlLosesOneTrailingSlashAndToStringHidesTheToken() {
		QstashProperties qstash = new QstashProperties("https://qstash.upstash.io/", "s3cr3t-token",
				Duration.ofSeconds(5), Duration.ofSeconds(30));

		assertThat(qstash.url()).isEqualTo("https://qstash.upstash.io");
		assertThat(qstash.toString()).doesNotContain("s3cr3t-token");
	}

}
