package ng.kinta.dedicatedaccounts.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-process services behind the Lambda function (MongoDB, Billstack, SMTP, an H2 job
 * repository in memory), the settings that point the function at them, and the three
 * kinds of HTTP events a signed delivery arrives in.
 */
final class LambdaStandIns {

	static final String PUBLIC_URL = "https://abc123.lambda-url.eu-west-1.on.aws";

	static final String CURRENT_KEY = "sig_LambdaTestsCurrentSigningKey01";

	static final String NEXT_KEY = "sig_LambdaTestsNextSigningKey00002";

	static final String JOB_REPOSITORY = "jdbc:h2:mem:trigger-lambda;DB_CLOSE_DELAY=-1";

	/**
	 * Where the operators' alerts are posted (on the Billstack stand-in, answering
	 * slowly).
	 */
	static final String ALERT_PATH = "/alerts";

	/** How long the alert webhook takes to answer. */
	static final Duration ALERT_ANSWER_DELAY = Duration.ofMillis(700);

	static final MongoServer MONGO = startMongo();

	static final MongoClient MONGO_CLIENT = MongoClients
		.create("mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort());

	static final WireMockServer BILLSTACK = startBillstack();

	static final GreenMail SMTP = startSmtp();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LambdaStandIns() {
	}

	/**
	 * The settings of the function, as the Lambda environment would give them.
	 * @return name to value
	 */
	static Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("MONGO_DB_URI", "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort() + "/kinta");
		settings.put("BILLSTACK_BASE_URL", BILLSTACK.baseUrl());
		settings.put("BILL_STACK_SECRET_KEY", "lambda-test-billstack-key");
		settings.put("SMTP_HOST", "127.0.0.1");
		settings.put("SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort()));
		settings.put("SMTP_AUTH", "false");
		settings.put("SMTP_STARTTLS", "false");
		settings.put("MAIL_FROM", "Kinta <accounts@kinta.example>");
		settings.put("BATCH_DB_URL", JOB_REPOSITORY);
		settings.put("NEXT_PUBLIC_API_URL", PUBLIC_URL);
		settings.put("QSTASH_CURRENT_SIGNING_KEY", CURRENT_KEY);
		settings.put("QSTASH_NEXT_SIGNING_KEY", NEXT_KEY);
		settings.put("ALERT_WEBHOOK_URL", BILLSTACK.baseUrl() + ALERT_PATH);
		return settings;
	}

	static MongoDatabase database() {
		return MONGO_CLIENT.getDatabase("kinta");
	}

	static void reset() {
		// emptied, not dropped: the in-process server logs an error for every drop of a
		// collection that does not exist
		database().getCollection("users").deleteMany(new Document());
		database().getCollection("accounts").deleteMany(new Document());
		database().getCollection("batchRunLeases").deleteMany(new Document());
		BILLSTACK.resetRequests();
	}

	static void insertUsers(int count) {
		for (int i = 0; i < count; i++) {
			database().getCollection("users")
				.insertOne(new Document("_id", new ObjectId()).append("fullName", "Lambda User" + i)
					.append("auth", new Document("email", "lambda" + i + "@example.test"))
					.append("phoneNumber", String.format("0803%07d", i))
					.append("status", "active")
					.append("isEmailVerified", true));
		}
	}

	/** Another host holds the run lease for the next minute. */
	static void leaseHeldElsewhere() {
		Instant now = Instant.now();
		database().getCollection("batchRunLeases")
			.insertOne(new Document("_id", "createDedicatedAccountsJob")
				.append("holder",
						new Document("host", "another-host").append("pid", 4242L)
							.append("token", new ObjectId().toHexString())
							.append("purpose", "new run"))
				.append("acquiredAt", Date.from(now))
				.append("renewedAt", Date.from(now))
				.append("expiresAt", Date.from(now.plusSeconds(60))));
	}

	static int billstackRequests() {
		return BILLSTACK.countRequestsMatching(
				WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v2/thirdparty/generateVirtualAccount/")).build())
			.getCount();
	}

	static int alertsPosted() {
		return BILLSTACK.countRequestsMatching(WireMock.postRequestedFor(WireMock.urlPathEqualTo(ALERT_PATH)).build())
			.getCount();
	}

	static String sign(byte[] body, String key) {
		return new QstashTokenSigner(key, Clock.systemUTC()).sign(PUBLIC_URL + TriggerProperties.PATH, body);
	}

	/** The three kinds of HTTP event Lambda hands the function. */
	enum EventKind {

		/**
		 * API Gateway REST API, payload format 1.0: header names as sent, multi-value
		 * headers.
		 */
		REST_API_V1,

		/** API Gateway HTTP API, payload format 2.0: header names lowercased. */
		HTTP_API_V2,

		/** Lambda Function URL: the 2.0 format, with a Function URL request context. */
		FUNCTION_URL

	}

	/**
	 * An event carrying a delivery.
	 * @param kind which event
	 * @param body the body's bytes
	 * @param base64 whether the event carries the body base64-encoded (as for a body
	 * without Content-Type)
	 * @param headers the HTTP headers as the caller sent them (names in any case)
	 * @return the event as JSON bytes
	 */
	static byte[] event(EventKind kind, byte[] body, boolean base64, Map<String, String> headers) {
		String bodyText = base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8);
		Map<String, Object> event = new LinkedHashMap<>();
		switch (kind) {
			case REST_API_V1 -> {
				event.put("resource", "/{proxy+}");
				event.put("path", TriggerProperties.PATH);
				event.put("httpMethod", "POST");
				event.put("headers", headers);
				Map<String, List<String>> multi = new LinkedHashMap<>();
				headers.forEach((name, value) -> multi.put(name, List.of(value)));
				event.put("multiValueHeaders", multi);
				event.put("requestContext", Map.of("resourcePath", "/{proxy+}", "httpMethod", "POST", "stage", "prod"));
			}
			case HTTP_API_V2, FUNCTION_URL -> {
				event.put("version", "2.0");
				event.put("routeKey", (kind == EventKind.FUNCTION_URL) ? "$default" : "POST /api/cron/{proxy+}");
				event.put("rawPath", TriggerProperties.PATH);
				event.put("rawQueryString", "");
				Map<String, String> lowercased = new LinkedHashMap<>();
				headers.forEach((name, value) -> lowercased.merge(name.toLowerCase(java.util.Locale.ROOT), value,
						(first, second) -> first + "," + second));
				event.put("headers", lowercased);
				event.put("requestContext",
						Map.of("domainName",
								(kind == EventKind.FUNCTION_URL) ? "abc123.lambda-url.eu-west-1.on.aws"
										: "xyz.execute-api.eu-west-1.amazonaws.com",
								"http", Map.of("method", "POST", "path", TriggerProperties.PATH)));
			}
		}
		event.put("body", bodyText);
		event.put("isBase64Encoded", base64);
		return JSON.writeValueAsBytes(event);
	}

	/**
	 * An invocation context with this much time left.
	 * @param remainingMillis time before the function's timeout
	 * @return the context
	 */
	static Context context(int remainingMillis) {
		return new Context() {

			@Override
			public String getAwsRequestId() {
				return "test-request";
			}

			@Override
			public String getLogGroupName() {
				return "/aws/lambda/test";
			}

			@Override
			public String getLogStreamName() {
				return "test";
			}

			@Override
			public String getFunctionName() {
				return "trigger";
			}

			@Override
			public String getFunctionVersion() {
				return "$LATEST";
			}

			@Override
			public String getInvokedFunctionArn() {
				return "arn:aws:lambda:eu-west-1:000000000000:function:trigger";
			}

			@Override
			public CognitoIdentity getIdentity() {
				return null;
			}

			@Override
			public ClientContext getClientContext() {
				return null;
			}

			@Override
			public int getRemainingTimeInMillis() {
				return remainingMillis;
			}

			@Override
			public int getMemoryLimitInMB() {
				return 1024;
			}

			@Override
			public LambdaLogger getLogger() {
				return null;
			}

		};
	}

	private static MongoServer startMongo() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		return server;
	}

	private static GreenMail startSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		greenMail.start();
		return greenMail;
	}

	private static WireMockServer startBillstack() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		server.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v2/thirdparty/generateVirtualAccount/"))
			.willReturn(WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"""
								{"status":true,"message":"Account created","data":{"reference":"{{jsonPath request.body '$.reference'}}",
								"account":[{"account_number":"9{{randomValue length=9 type='NUMERIC'}}","account_name":"Kinta-Test",
								"bank_name":"PALMPAY Bank","bank_id":"PALMPAY","created_at":"2026-11-29 10:00:00"}],
								"meta":{"firstName":"x","lastName":"y","email":"z"}}}""")
				.withTransformers("response-template")));
		// slow enough that an alert still in flight when the handler returns is not
		// counted
		server.stubFor(WireMock.post(WireMock.urlPathEqualTo(ALERT_PATH))
			.willReturn(WireMock.aResponse()
				.withStatus(200)
				.withFixedDelay(Math.toIntExact(ALERT_ANSWER_DELAY.toMillis()))));
		return server;
	}

}
