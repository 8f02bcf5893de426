package ng.kinta.dedicatedaccounts.batch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch-job.jar} pointed at the wrong place: every configuration error ends with
 * one line naming the setting and what is wrong with it, and exits with 2.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineConfigurationIntegrationTests {

	private static final String PORT = InProcessServices.MONGO_URI.replaceAll(".*:(\\d+)/.*", "$1");

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			mongodb://127.0.0.1:1                 | MONGO_DB_URI names no database
			mongodb://127.0.0.1:1/                | MONGO_DB_URI names no database
			mongodb://user:s3cret@127.0.0.1:1/?tls=false | MONGO_DB_URI names no database
			mongodb+srv://cluster.example.test    | MONGO_DB_URI names no database
			postgres://127.0.0.1:1/kinta          | MONGO_DB_URI is not a MongoDB connection string
			127.0.0.1:27017/kinta                 | MONGO_DB_URI is not a MongoDB connection string
			mongodb://                            | MONGO_DB_URI is not a MongoDB connection string
			''                                    | MONGO_DB_URI is not set
			""")
	void badMongoUriEndsWithALineNamingIt(String uri, String problem, @TempDir Path data, CapturedOutput output) {
		int exitCode = BatchJobApplication.run(services(data, "run", "--app.mongodb.uri=" + uri));

		assertThat(exitCode).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
		assertThat(lastLine(output.getErr())).startsWith("Invalid configuration: app.mongodb.uri: " + problem);
		assertThat(output.getAll()).doesNotContain("s3cret");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					--app.mail.from=                    | app.mail.from: must not be blank
					--app.billstack.secret-key=         | app.billstack.secret-key: must not be blank
					--app.job.time-budget=ten minutes   | app.job.time-budget: cannot be read as the expected type
					--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/batch | spring.datasource.username: BATCH_DB_USERNAME is empty: a job repository that is not a local H2 file (BATCH_DB_URL) needs a user and a password
					""")
	void otherInvalidSettingsAreNamedToo(String setting, String problem, @TempDir Path data, CapturedOutput output) {
		int exitCode = BatchJobApplication.run(services(data, "run", setting));

		assertThat(exitCode).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
		assertThat(lastLine(output.getErr())).isEqualTo("Invalid configuration: " + problem);
	}

	@Test
	void databaseWithoutUsersIsAConfigurationErrorAndGetsNothingCreated(@TempDir Path data, CapturedOutput output) {
		String typo = "kinta_typo";

		int exitCode = BatchJobApplication
			.run(services(data, "run", "--app.mongodb.uri=mongodb://127.0.0.1:" + PORT + "/" + typo));

		assertThat(exitCode).isEqualTo(ExitCodes.USAGE_OR_CONFIGURATION);
		assertThat(lastLine(output.getOut())).contains("\"status\":\"error\"")
			.contains("Database \\\"kinta_typo\\\" has no \\\"users\\\" collection");
		assertThat(InProcessServices.MONGO_CLIENT.getDatabase(typo).listCollectionNames().into(new ArrayList<>()))
			.isEmpty();
	}

	@Test
	void dryRunListsUsersIgnoredForTheirId(@TempDir Path data, CapturedOutput output) {
		String database = "kinta_dry_run";
		InProcessServices.MONGO_CLIENT.getDatabase(database)
			.getCollection("users")
			.insertMany(List.of(legacy("legacy-1"), legacy("legacy-2")));

		int exitCode = BatchJobApplication
			.run(services(data, "run", "--dry-run", "--app.mongodb.uri=mongodb://127.0.0.1:" + PORT + "/" + database));

		assertThat(exitCode).isZero();
		assertThat(output.getOut()).contains("would ignore user legacy-1: _id is not an ObjectId",
				"would ignore user legacy-2: _id is not an ObjectId");
		assertThat(lastLine(output.getOut())).contains("\"ignoredRecords\":2");
	}

	private static Document legacy(String id) {
		return new Document("_id", id).append("status", "active").append("isEmailVerified", true);
	}

	/**
	 * The command and its options, then the settings of the in-process services, each
	 * name once (a setting given on the command line wins over the same one below it).
	 */
	private static String[] services(Path data, String... commandAndSettings) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("app.mongodb.uri", InProcessServices.MONGO_URI);
		settings.put("app.billstack.base-url", InProcessServices.BILLSTACK.baseUrl());
		settings.put("app.billstack.secret-key", BillstackStubs.SECRET_KEY);
		settings.put("app.mail.from", "Kinta <accounts@kinta.example>");
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", String.valueOf(InProcessServices.SMTP.getSmtp().getPort()));
		settings.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("batch") + ";AUTO_SERVER=TRUE");
		List<String> args = new ArrayList<>();
		for (String arg : commandAndSettings) {
			if (arg.startsWith("--") && arg.contains("=") && !arg.equals("--dry-run")) {
				settings.remove(arg.substring(2, arg.indexOf('=')));
			}
			args.add(arg);
		}
		settings.forEach((name, value) -> args.add("--" + name + "=" + value));
		return args.toArray(String[]::new);
	}

	private static String lastLine(String text) {
		List<String> lines = text.lines().filter((line) -> !line.isBlank()).toList();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}

}
