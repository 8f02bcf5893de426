package ng.kinta.dedicatedaccounts.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.MongoNamespace;
import ng.kinta.dedicatedaccounts.trigger.TriggerFunctionApplication;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole trigger with the real job, as {@code demo.jar trigger} runs it: the demo
 * profile's in-process MongoDB (sample data), Billstack and SMTP stand-ins. What QStash
 * sees when it calls the deployed endpoint.
 */
@SpringBootTest(classes = { TriggerFunctionApplication.class, DemoSigningKeysNotice.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=demo",
				"spring.datasource.url=jdbc:h2:mem:trigger-with-job;DB_CLOSE_DELAY=-1",
				// one run per delivery here; DemoCatchUpIntegrationTests chains them
				"app.catch-up.enabled=false" })
class DemoTriggerIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private TriggerProperties properties;

	@Autowired
	private MongoTemplate mongoTemplate;

	@DynamicPropertySource
	static void freshDemoData(DynamicPropertyRegistry registry) throws IOException {
		Path data = Files.createTempDirectory("trigger-with-job");
		registry.add("app.demo.data-dir", data::toString);
	}

	@LocalServerPort
	private int port;

	@Test
	void signedDeliveriesRunTheJobOncePerMessage() {
		// given
		QstashTokenSigner signer = new QstashTokenSigner(this.properties.signing().currentKey(), Clock.systemUTC());

		// when
		JsonNode first = deliver(signer, "msg_first");
		JsonNode redelivered = deliver(signer, "msg_first");
		JsonNode second = deliver(signer, "msg_second");

		// then
		assertThat(first.path("status").asString()).isEqualTo("ok");
		assertThat(first.path("data").path("processedInThisRun").asLong()).isEqualTo(50);
		assertThat(first.path("data").path("remainingUsers").asLong()).isEqualTo(103);
		assertThat(redelivered).isEqualTo(first);
		assertThat(second.path("jobExecutionId").asLong()).isGreaterThan(first.path("jobExecutionId").asLong());
		assertThat(second.path("data").path("remainingUsers").asLong()).isEqualTo(53);
	}

	@Test
	void aDatabaseWithoutUsersAnswers500AndGetsNothingCreated() {
		// given: the users collection is out of the way, as in a mistyped database
		QstashTokenSigner signer = new QstashTokenSigner(this.properties.signing().currentKey(), Clock.systemUTC());
		String database = this.mongoTemplate.getDb().getName();
		this.mongoTemplate.getCollection("users").renameCollection(new MongoNamespace(database, "users_aside"));
		try {
			// when
			ResponseEntity<String> response = post(signer, "msg_no_users");

			// then
			assertThat(response.getStatusCode().value()).isEqualTo(500);
			assertThat(this.json.readTree(response.getBody()).path("summary").path("status").asString())
				.isEqualTo("error");
			assertThat(this.mongoTemplate.collectionExists("users")).isFalse();
		}
		finally {
			this.mongoTemplate.getCollection("users_aside").renameCollection(new MongoNamespace(database, "users"));
		}
	}

	private JsonNode deliver(QstashTokenSigner signer, String messageId) {
		ResponseEntity<String> response = post(signer, messageId);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return this.json.readTree(response.getBody());
	}

	private ResponseEntity<String> post(QstashTokenSigner signer, String messageId) {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		return RestClient.create("http://localhost:" + this.port)
			.post()
			.uri(TriggerProperties.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Upstash-Signature", signer.sign(this.properties.endpointUrl(), body))
			.header("Upstash-Message-Id", messageId)
			.body(body)
			.retrieve()
			.onStatus((status) -> true, (request, answer) -> {
			})
			.toEntity(String.class);
	}

}
