import java.util.concurrent.CountDownLatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The services a cold start of the Lambda handler talks to, in their own JVM on this machine
 * (127.0.0.1 only): MongoDB (mongo-java-server) with USERS eligible users, a Billstack stand-in
 * (WireMock, creates every account) and SMTP (GreenMail). Prints their ports, then runs until
 * killed. Used by cold-start.sh only.
 */
public class ColdStartServices {

	public static void main(String[] args) throws Exception {
		MongoServer mongo = new MongoServer(new MemoryBackend());
		mongo.bind("127.0.0.1", 0);
		int mongoPort = mongo.getLocalAddress().getPort();
		MongoCollection<Document> users = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)
			.getDatabase("kinta")
			.getCollection("users");
		int count = Integer.parseInt(System.getProperty("USERS", "50"));
		for (int i = 0; i < count; i++) {
			users.insertOne(new Document("_id", new ObjectId()).append("fullName", "Cold Start" + i)
				.append("auth", new Document("email", "cold" + i + "@example.test"))
				.append("phoneNumber", String.format("0803%07d", i))
				.append("status", "active")
				.append("isEmailVerified", true));
		}
		WireMockServer billstack = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		billstack.start();
		billstack.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v2/thirdparty/generateVirtualAccount/"))
			.willReturn(WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"status\":true,\"message\":\"Account created\",\"data\":{\"reference\":\"r\","
						+ "\"account\":[{\"account_number\":\"9000000001\",\"account_name\":\"Kinta-Cold\","
						+ "\"bank_name\":\"PALMPAY Bank\",\"bank_id\":\"PALMPAY\",\"created_at\":\"2026-11-29 10:00:00\"}],"
						+ "\"meta\":{\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"z\"}}}")));
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		System.out.println("SERVICES " + mongoPort + " " + billstack.port() + " " + smtp.getSmtp().getPort());
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
