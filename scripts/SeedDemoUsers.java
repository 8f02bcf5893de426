import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Benchmark tooling, not part of the application: writes a demo data folder before the
 * demo first opens it, with the sample users and accounts (as the demo loads them) plus
 * COUNT generated eligible users, so that a run can take more users than the sample has.
 * The demo finds its {@code users} collection filled and loads nothing more.
 * <p>
 * Run with the JDK's single-file launcher and the classes of an extracted {@code demo.jar}:
 * {@code java -cp 'app/demo.jar:app/lib/*' scripts/SeedDemoUsers.java DATA_DIR COUNT}
 */
public class SeedDemoUsers {

	public static void main(String[] args) throws IOException {
		Path dataDirectory = Path.of(args[0]);
		int count = Integer.parseInt(args[1]);
		Files.createDirectories(dataDirectory);
		H2Backend backend = new H2Backend(dataDirectory.resolve("demo-mongo.mv").toString());
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase database = client.getDatabase("kinta");
			database.getCollection("users").insertMany(read("demo/kinta-sample/users.json"));
			database.getCollection("accounts").insertMany(read("demo/kinta-sample/accounts.json"));
			List<Document> generated = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				generated.add(new Document("_id", new ObjectId()).append("fullName", "Bench User" + i)
					.append("auth", new Document("email", "bench." + i + "@example.test").append("password",
							"$2a$10$FIXTURESECRET"))
					.append("phoneNumber", String.format("0816%07d", i))
					.append("country", "nigeria")
					.append("role", "user")
					.append("status", "active")
					.append("isEmailVerified", true));
				if (generated.size() == 500) {
					database.getCollection("users").insertMany(generated);
					generated.clear();
				}
			}
			if (!generated.isEmpty()) {
				database.getCollection("users").insertMany(generated);
			}
		}
		backend.commit();
		server.shutdownNow();
		backend.close();
	}

	private static List<Document> read(String resource) throws IOException {
		List<Document> documents = new ArrayList<>();
		InputStream stream = SeedDemoUsers.class.getClassLoader().getResourceAsStream(resource);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					documents.add(Document.parse(line));
				}
			}
		}
		return documents;
	}

}
