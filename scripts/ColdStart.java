import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * One cold start of the Lambda handler, in process: a new JVM creates Spring Cloud Function's
 * FunctionInvoker (as Lambda's runtime does at init) and hands it one signed Function URL event
 * (as the first invocation). Prints "<statusCode> <ms to the invoker> <ms to the first answer>",
 * both counted from the JVM's start. Settings come as -D system properties (see cold-start.sh).
 */
public class ColdStart {

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("NEXT_PUBLIC_API_URL") + "/api/cron/create-dedicated-accounts";
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String signature = new QstashTokenSigner(System.getProperty("QSTASH_CURRENT_SIGNING_KEY"), Clock.systemUTC())
			.sign(url, body);
		String event = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/api/cron/create-dedicated-accounts\","
				+ "\"headers\":{\"content-type\":\"application/json\",\"upstash-signature\":\"" + signature
				+ "\",\"upstash-message-id\":\"msg_cold_" + System.nanoTime() + "\"},"
				+ "\"body\":\"{}\",\"isBase64Encoded\":false}";
		FunctionInvoker invoker = new FunctionInvoker();
		long initialized = ManagementFactory.getRuntimeMXBean().getUptime();
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		invoker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer, null);
		long answered = ManagementFactory.getRuntimeMXBean().getUptime();
		String response = answer.toString(StandardCharsets.UTF_8);
		String status = response.replaceAll("(?s).*\"statusCode\"\\s*:\\s*(\\d+).*", "$1");
		System.out.println("COLD-START " + status + " " + initialized + " " + answered);
		System.exit(0);
	}

}
