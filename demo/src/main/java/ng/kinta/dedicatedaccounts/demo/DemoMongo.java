package ng.kinta.dedicatedaccounts.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
import io.netty.channel.Channel;
import org.bson.Document;

import org.springframework.core.io.ClassPathResource;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) whose data persists in
 * an H2 file, loaded on first start with the sample users and accounts (the existing
 * app's format, as {@code mongoexport} writes it).
 */
final class DemoMongo implements AutoCloseable {

	static final String DATABASE = "kinta";

	private final MongoServer server;

	private final H2Backend backend;

	private final String uri;

	private DemoMongo(MongoServer server, H2Backend backend, String uri) {
		this.server = server;
		this.backend = backend;
		this.uri = uri;
	}

	static DemoMongo start(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the demo data folder " + dataDirectory, ex);
		}
		H2Backend backend = new H2Backend(dataDirectory.resolve("demo-mongo.mv").toString()) {

			// Boot's MongoDB health check sends "hello", which mongo-java-server knows as
			// its predecessor "isMaster"
			@Override
			public de.bwaldvogel.mongo.bson.Document handleCommand(Channel channel, String database, String command,
					de.bwaldvogel.mongo.bson.Document query) {
				return super.handleCommand(channel, database, "hello".equals(command) ? "isMaster" : command, query);
			}

		};
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		InetSocketAddress address = server.getLocalAddress();
		String uri = "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
		DemoMongo mongo = new DemoMongo(server, backend, uri);
		mongo.loadSampleDataIfEmpty();
		return mongo;
	}

	String uri() {
		return this.uri;
	}

	boolean loadSampleDataIfEmpty() {
		try (MongoClient client = MongoClients.create(this.uri)) {
			MongoDatabase database = client.getDatabase(DATABASE);
			if (database.getCollection("users").countDocuments() > 0) {
				return false;
			}
			database.getCollection("users").insertMany(read("demo/kinta-sample/users.json"));
			database.getCollection("accounts").insertMany(read("demo/kinta-sample/accounts.json"));
		}
		this.backend.commit();
		return true;
	}

	private static List<Document> read(String resource) {
		List<Document> documents = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					documents.add(Document.parse(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
		return documents;
	}

	@Override
	public void close() {
		this.server.shutdownNow();
		this.backend.close();
	}

}
