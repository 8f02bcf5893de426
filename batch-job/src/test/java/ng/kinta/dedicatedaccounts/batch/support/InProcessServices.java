package ng.kinta.dedicatedaccounts.batch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import org.bson.Document;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.RestClient;

/**
 * The job's peers, in-process and on loopback, speaking their real protocols: MongoDB
 * (mongo-java-server), Billstack (WireMock) and SMTP (GreenMail). Started once per test
 * JVM and reset by each test.
 */
public final class InProcessServices {

	public static final String DATABASE = "kinta";

	/** The in-process MongoDB's backend, with faults a test can switch on. */
	public static final MongoFaults MONGO_FAULTS = new MongoFaults();

	private static final MongoServer MONGO_SERVER = startMongo();

	public static final String MONGO_URI = "mongodb://127.0.0.1:" + MONGO_SERVER.getLocalAddress().getPort() + "/"
			+ DATABASE;

	public static final MongoClient MONGO_CLIENT = MongoClients.create(MONGO_URI);

	public static final WireMockServer BILLSTACK = startBillstack();

	public static final GreenMail SMTP = startSmtp();

	private InProcessServices() {
	}

	/**
	 * Points the application at the in-process services.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * The settings that point an application, or a process, at the in-process services.
	 * @return environment names and values
	 */
	public static Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("MONGO_DB_URI", MONGO_URI);
		properties.put("BILLSTACK_BASE_URL", BILLSTACK.baseUrl());
		properties.put("BILL_STACK_SECRET_KEY", BillstackStubs.SECRET_KEY);
		properties.put("SMTP_HOST", "127.0.0.1");
		properties.put("SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort()));
		properties.put("SMTP_AUTH", "false");
		properties.put("SMTP_STARTTLS", "false");
		properties.put("MAIL_FROM", "Kinta <accounts@kinta.example>");
		return properties;
	}

	/**
	 * Command-line arguments that point {@code batch-job.jar} at these services (one
	 * bank, PALMPAY) with an in-memory job repository.
	 * @param jobRepository the H2 in-memory database's name
	 * @param command the command and its own arguments
	 * @return the arguments
	 */
	public static String[] commandLine(String jobRepository, String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		args.add("--app.mongodb.uri=" + MONGO_URI);
		args.add("--app.billstack.base-url=" + BILLSTACK.baseUrl());
		args.add("--app.billstack.secret-key=" + BillstackStubs.SECRET_KEY);
		args.add("--app.billstack.banks=PALMPAY");
		args.add("--spring.mail.host=127.0.0.1");
		args.add("--spring.mail.port=" + SMTP.getSmtp().getPort());
		args.add("--spring.mail.properties[mail.smtp.auth]=false");
		args.add("--spring.mail.properties[mail.smtp.starttls.enable]=false");
		args.add("--app.mail.from=Kinta <accounts@kinta.example>");
		args.add("--spring.datasource.url=jdbc:h2:mem:" + jobRepository + ";DB_CLOSE_DELAY=-1");
		return args.toArray(String[]::new);
	}

	public static MongoDatabase database() {
		return MONGO_CLIENT.getDatabase(DATABASE);
	}

	/**
	 * Empties MongoDB (leaving an empty {@code users} collection, as the app's database
	 * always has one), forgets Billstack's stubs and requests, and empties the mailbox.
	 */
	public static void reset() {
		MONGO_FAULTS.reset();
		database().getCollection("users").drop();
		database().getCollection("accounts").drop();
		database().getCollection("batchRunLeases").drop();
		database().createCollection("users");
		BILLSTACK.resetAll();
		try {
			SMTP.purgeEmailFromAllMailboxes();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Loads the project's sample data, the demo's
	 * ({@code demo/src/main/resources/demo/kinta-sample}, described in its README).
	 */
	public static void loadSampleData() {
		database().getCollection("users").insertMany(readSample("users.json"));
		database().getCollection("accounts").insertMany(readSample("accounts.json"));
	}

	public static List<Document> readSample(String file) {
		try {
			String text = new ClassPathResource("demo/kinta-sample/" + file).getContentAsString(StandardCharsets.UTF_8);
			return text.lines().filter((line) -> !line.isBlank()).map(Document::parse).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MongoServer startMongo() {
		MongoServer server = new MongoServer(MONGO_FAULTS);
		server.bind("127.0.0.1", 0);
		return server;
	}

	private static WireMockServer startBillstack() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(false));
		server.start();
		// the first templated answer costs seconds on a cold JVM: pay it here, not within
		// the tests' short read timeouts
		server.stubFor(WireMock.post(WireMock.urlPathEqualTo("/warm-up"))
			.withRequestBody(WireMock.matchingJsonPath("$.bank", WireMock.equalTo("X")))
			.willReturn(BillstackStubs.created("X")));
		RestClient.create(server.baseUrl())
			.post()
			.uri("/warm-up")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"bank\":\"X\",\"reference\":\"r\",\"firstName\":\"a\",\"lastName\":\"b\"}")
			.retrieve()
			.toBodilessEntity();
		server.resetAll();
		return server;
	}

	private static GreenMail startSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		greenMail.start();
		return greenMail;
	}

}
