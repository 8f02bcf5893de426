package ng.kinta.dedicatedaccounts.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import ng.kinta.dedicatedaccounts.lambda.LambdaStandIns.EventKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda handler as Lambda calls it: {@link FunctionInvoker#handleRequest} in
 * process, with the real job behind it on the in-process stand-ins, for each kind of HTTP
 * event (REST API v1, HTTP API v2, Function URL), plain and base64 bodies, with and
 * without Content-Type, header names in mixed case. Every answer is a proxy response with
 * the status, never a thrown exception.
 */
@ExtendWith(OutputCaptureExtension.class)
class FunctionInvokerIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Context ENOUGH_TIME = LambdaStandIns.context(900_000);

	private static FunctionInvoker invoker;

	private static int messages;

	@BeforeAll
	static void startFunction() {
		LambdaStandIns.settings().forEach(System::setProperty);
		invoker = new FunctionInvoker();
	}

	@AfterAll
	static void clearSettings() {
		LambdaStandIns.settings().keySet().forEach(System::clearProperty);
	}

	@BeforeEach
	void cleanSlate() {
		LambdaStandIns.reset();
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void aGenuineDeliveryWithAJsonBodyGets200AndOneRun(EventKind kind, CapturedOutput output) throws Exception {
		LambdaStandIns.insertUsers(2);
		byte[] body = "{\"probe\":\"body-7f3a9c\"}".getBytes(StandardCharsets.UTF_8);
		String signature = LambdaStandIns.sign(body, LambdaStandIns.CURRENT_KEY);
		long runsBefore = jobExecutions();

		JsonNode response = invoke(LambdaStandIns.event(kind, body, false, Map.of("Content-Type", "application/json",
				"UpStash-SIGNATURE", signature, "Upstash-Message-Id", newMessageId())));

		assertThat(response.path("statusCode").asInt()).isEqualTo(200);
		JsonNode summary = JSON.readTree(response.path("body").asString());
		assertThat(summary.path("status").asString()).isEqualTo("ok");
		assertThat(summary.path("data").path("successCount").asLong()).isEqualTo(2);
		assertThat(response.path("headers").path("Content-Type").asString()).isEqualTo("application/json");
		// no request header comes back in the response
		assertThat(response.path("headers").propertyNames())
			.noneMatch((name) -> name.equalsIgnoreCase("upstash-signature"))
			.noneMatch((name) -> name.equalsIgnoreCase("upstash-message-id"));
		assertThat(jobExecutions()).isEqualTo(runsBefore + 1);
		assertThat(LambdaStandIns.billstackRequests()).isEqualTo(2);
		assertThat(output).doesNotContain(signature).doesNotContain("body-7f3a9c").doesNotContain("Received:");
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void aGenuineDeliveryWithABase64BodyAndNoContentTypeGets200(EventKind kind, CapturedOutput output)
			throws Exception {
		LambdaStandIns.insertUsers(1);
		// not UTF-8: only the decoded bytes match the signature's body hash
		byte[] body = { (byte) 0xff, (byte) 0xfe, 0x00, 0x7f, (byte) 0x80 };
		String signature = LambdaStandIns.sign(body, LambdaStandIns.CURRENT_KEY);

		JsonNode response = invoke(LambdaStandIns.event(kind, body, true,
				Map.of("upstash-signature", signature, "UPSTASH-MESSAGE-ID", newMessageId())));

		assertThat(response.path("statusCode").asInt()).isEqualTo(200);
		assertThat(LambdaStandIns.billstackRequests()).isEqualTo(1);
		assertThat(output).doesNotContain(signature);
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void aTamperedBodyGets489NotRetryableAndNoRun(EventKind kind, CapturedOutput output) throws Exception {
		LambdaStandIns.insertUsers(1);
		byte[] signed = "{\"probe\":\"original\"}".getBytes(StandardCharsets.UTF_8);
		String signature = LambdaStandIns.sign(signed, LambdaStandIns.CURRENT_KEY);
		long runsBefore = jobExecutions();

		JsonNode response = invoke(
				LambdaStandIns.event(kind, "{\"probe\":\"tampered-51c2\"}".getBytes(), false, Map.of("Content-Type",
						"application/json", "Upstash-Signature", signature, "Upstash-Message-Id", newMessageId())));

		// signed with our key for another body: no retry of this message can verify, so
		// QStash is told not to retry (docs/QSTASH.md), as over HTTP
		assertThat(response.path("statusCode").asInt()).isEqualTo(489);
		assertThat(response.path("headers").path("Upstash-NonRetryable-Error").asString()).isEqualTo("true");
		JsonNode problem = JSON.readTree(response.path("body").asString());
		assertThat(problem.path("status").asInt()).isEqualTo(489);
		assertThat(problem.path("detail").asString()).isEqualTo("Missing or invalid Upstash-Signature");
		assertThat(response.path("headers").path("Content-Type").asString()).isEqualTo("application/problem+json");
		assertThat(jobExecutions()).isEqualTo(runsBefore);
		assertThat(LambdaStandIns.billstackRequests()).isZero();
		assertThat(output).doesNotContain(signature).doesNotContain("tampered-51c2");
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void aWrongKeyGets401AndNoRun(EventKind kind) throws Exception {
		LambdaStandIns.insertUsers(1);
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		long runsBefore = jobExecutions();

		JsonNode response = invoke(LambdaStandIns.event(kind, body, true,
				Map.of("Upstash-Signature", LambdaStandIns.sign(body, "sig_NotOurKeyButLongEnoughToSign03"),
						"Upstash-Message-Id", newMessageId())));

		assertThat(response.path("statusCode").asInt()).isEqualTo(401);
		assertThat(jobExecutions()).isEqualTo(runsBefore);
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void aRedeliveryGetsTheSameSummaryWithoutASecondRun(EventKind kind) throws Exception {
		LambdaStandIns.insertUsers(2);
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String messageId = newMessageId();
		JsonNode first = invoke(
				LambdaStandIns.event(kind, body, false, Map.of("Content-Type", "application/json", "Upstash-Signature",
						LambdaStandIns.sign(body, LambdaStandIns.CURRENT_KEY), "Upstash-Message-Id", messageId)));
		long runsAfterFirst = jobExecutions();
		int billstackAfterFirst = LambdaStandIns.billstackRequests();

		// QStash signs every delivery anew, with the next key after a key roll
		JsonNode second = invoke(
				LambdaStandIns.event(kind, body, false, Map.of("Content-Type", "application/json", "Upstash-Signature",
						LambdaStandIns.sign(body, LambdaStandIns.NEXT_KEY), "upstash-message-id", messageId)));

		assertThat(second.path("statusCode").asInt()).isEqualTo(200);
		assertThat(JSON.readTree(second.path("body").asString()))
			.isEqualTo(JSON.readTree(first.path("body").asString()));
		assertThat(jobExecutions()).isEqualTo(runsAfterFirst);
		assertThat(LambdaStandIns.billstackRequests()).isEqualTo(billstackAfterFirst);
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void aDeliveryWhileTheLeaseIsHeldGets409(EventKind kind) throws Exception {
		LambdaStandIns.insertUsers(1);
		LambdaStandIns.leaseHeldElsewhere();
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		long runsBefore = jobExecutions();

		JsonNode response = invoke(
				LambdaStandIns.event(kind, body, false, Map.of("Content-Type", "application/json", "Upstash-Signature",
						LambdaStandIns.sign(body, LambdaStandIns.CURRENT_KEY), "Upstash-Message-Id", newMessageId())));

		assertThat(response.path("statusCode").asInt()).isEqualTo(409);
		// QStash retries once the lease could have lapsed, as over HTTP
		assertThat(response.path("headers").path("Retry-After").asString()).matches("[1-9][0-9]*");
		assertThat(Integer.parseInt(response.path("headers").path("Retry-After").asString())).isBetween(1, 60);
		JsonNode problem = JSON.readTree(response.path("body").asString());
		assertThat(problem.path("detail").asString()).contains("another-host");
		assertThat(jobExecutions()).isEqualTo(runsBefore);
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void anInvocationWithLessTimeLeftThanARunNeedsIsRefusedWith500BeforeRunning(EventKind kind) throws Exception {
		LambdaStandIns.insertUsers(1);
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		long runsBefore = jobExecutions();

		JsonNode response = invoke(
				LambdaStandIns.event(kind, body, false, Map.of("Content-Type", "application/json", "Upstash-Signature",
						LambdaStandIns.sign(body, LambdaStandIns.CURRENT_KEY), "Upstash-Message-Id", newMessageId())),
				LambdaStandIns.context(30_000));

		assertThat(response.path("statusCode").asInt()).isEqualTo(500);
		assertThat(jobExecutions()).isEqualTo(runsBefore);
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void aFailedRunGets500WithItsSummaryAndItsAlertIsPostedBeforeTheAnswer(EventKind kind) throws Exception {
		LambdaStandIns.insertUsers(1);
		// Billstack refuses the key: the run fails
		StubMapping refused = LambdaStandIns.BILLSTACK
			.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v2/thirdparty/generateVirtualAccount/"))
				.atPriority(1)
				.willReturn(WireMock.unauthorized()));
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		try {
			long started = System.nanoTime();
			JsonNode response = invoke(LambdaStandIns.event(kind, body, false,
					Map.of("Content-Type", "application/json", "Upstash-Signature",
							LambdaStandIns.sign(body, LambdaStandIns.CURRENT_KEY), "Upstash-Message-Id",
							newMessageId())));
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(response.path("statusCode").asInt()).isEqualTo(500);
			JsonNode problem = JSON.readTree(response.path("body").asString());
			assertThat(problem.path("title").asString()).isEqualTo("Run failed");
			assertThat(problem.path("summary").path("exitStatus").asString()).isEqualTo("FAILED");
			// the alert thread finished before the handler returned: nothing of the run
			// is left for a frozen environment
			assertThat(LambdaStandIns.alertsPosted()).isEqualTo(1);
			assertThat(took).isGreaterThanOrEqualTo(LambdaStandIns.ALERT_ANSWER_DELAY);
		}
		finally {
			LambdaStandIns.BILLSTACK.removeStub(refused);
		}
	}

	@ParameterizedTest
	@EnumSource(EventKind.class)
	void anUnsignedEventGets401AndABodyMarkedBase64ThatIsNotGets400(EventKind kind) throws Exception {
		JsonNode response = invoke(LambdaStandIns.event(kind, new byte[0], false, Map.of()));
		assertThat(response.path("statusCode").asInt()).isEqualTo(401);

		byte[] badBase64 = LambdaStandIns.event(kind, new byte[0], true, Map.of());
		JsonNode tree = JSON.readTree(badBase64);
		((tools.jackson.databind.node.ObjectNode) tree).put("body", "not base64 %%%");
		JsonNode malformed = invoke(JSON.writeValueAsBytes(tree));

		assertThat(malformed.path("statusCode").asInt()).isEqualTo(400);
	}

	private static JsonNode invoke(byte[] event) throws IOException {
		return invoke(event, ENOUGH_TIME);
	}

	private static JsonNode invoke(byte[] event, Context context) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		invoker.handleRequest(new ByteArrayInputStream(event), output, context);
		return JSON.readTree(output.toByteArray());
	}

	private static String newMessageId() {
		return "msg_lambda_" + (++messages) + "_" + System.nanoTime();
	}

	private static long jobExecutions() throws SQLException {
		try (Connection connection = DriverManager.getConnection(LambdaStandIns.JOB_REPOSITORY, "sa", "");
				ResultSet count = connection.createStatement()
					.executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")) {
			count.next();
			return count.getLong(1);
		}
	}

}
