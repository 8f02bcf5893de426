package ng.kinta.dedicatedaccounts.batch.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.data.MongoPagingItemReader;
import org.springframework.batch.infrastructure.item.data.builder.MongoPagingItemReaderBuilder;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading {@link UserRecord}s: leniently from one document, and through a
 * {@link MongoPagingItemReader} over MongoDB's wire protocol (mongo-java-server), where
 * one malformed user must not fail the page.
 */
class UserRecordTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	@BeforeEach
	void reset() {
		InProcessServices.reset();
	}

	@Test
	void readsTheFieldsAndTheProvisioningState() {
		ObjectId id = new ObjectId();
		Document account = new Document("accountName", "Ada Obi").append("accountNumber", "0123456789")
			.append("accountRef", "ref")
			.append("bankCode", "PALMPAY")
			.append("bankName", "PalmPay");
		UserRecord user = UserRecord.from(new Document("_id", id).append("fullName", "Ada Obi")
			.append("auth", new Document("email", "ada@example.test"))
			.append("phoneNumber", "08031234567")
			.append("accountProvisioning",
					new Document("state", "ACCOUNT_CREATED").append("attempts", 2)
						.append("nextAttemptAt", Date.from(NOW))
						.append("account", account)
						.append("notification", "SENT")));

		assertThat(user).isEqualTo(new UserRecord(id, "Ada Obi", "ada@example.test", "08031234567",
				new UserRecord.Provisioning(ProvisioningState.ACCOUNT_CREATED, 2, NOW,
						new VirtualAccount("Ada Obi", "0123456789", "ref", "PALMPAY", "PalmPay"),
						NotificationState.SENT)));
		assertThat(user.provisioning().emailSent()).isTrue();
		assertThat(user.toString()).doesNotContain("ada@").doesNotContain("0803");
	}

	@Test
	void valuesOfTheWrongTypeReadAsMissing() {
		UserRecord user = UserRecord.from(malformed());

		assertThat(user)
			.isEqualTo(new UserRecord(null, null, null, null, new UserRecord.Provisioning(null, 0, null, null, null)));
	}

	@Test
	void aUserIsDueWithoutANextAttemptOrOnceItsTimeHasCome() {
		assertThat(UserRecord.Provisioning.NONE.isDueAt(NOW)).isTrue();
		assertThat(backingOffUntil(NOW).isDueAt(NOW)).isTrue();
		assertThat(backingOffUntil(NOW.minusSeconds(1)).isDueAt(NOW)).isTrue();
		assertThat(backingOffUntil(NOW.plusSeconds(1)).isDueAt(NOW)).isFalse();
	}

	@Test
	void backOffDoublesFromTheFirstUpToTheLongest() {
		BackoffPolicy policy = new BackoffPolicy(Duration.ofMinutes(30), Duration.ofHours(3));

		assertThat(List.of(0, 1, 2, 3, 4, 5, 1_000).stream().map(policy::after)).containsExactly(Duration.ofMinutes(30),
				Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3),
				Duration.ofHours(3), Duration.ofHours(3));
	}

	@Test
	void thePagingReaderReadsEveryUserOfAPageThatHoldsAMalformedOne() throws Exception {
		ObjectId first = insert(
				new Document("fullName", "Ada Obi").append("auth", new Document("email", "ada@example.test")));
		ObjectId malformed = insert(malformed().append("_id", new ObjectId()));
		ObjectId last = insert(new Document("fullName", "Bola Ade").append("phoneNumber", "08031234567"));
		MongoPagingItemReader<UserRecord> reader = new MongoPagingItemReaderBuilder<UserRecord>().name("users")
			.template(templateWithUserRecordConversion())
			.collection(UserFields.USERS)
			.targetType(UserRecord.class)
			.query(new Query())
			.sorts(Map.of(UserFields.ID, Sort.Direction.ASC))
			.pageSize(10)
			.build();
		reader.open(new ExecutionContext());

		UserRecord one = reader.read();
		UserRecord two = reader.read();
		UserRecord three = reader.read();

		assertThat(reader.read()).isNull();
		assertThat(List.of(one.id(), two.id(), three.id())).containsExactly(first, malformed, last);
		assertThat(one.email()).isEqualTo("ada@example.test");
		assertThat(two.fullName()).isNull();
		assertThat(three.phoneNumber()).isEqualTo("08031234567");
	}

	private static UserRecord.Provisioning backingOffUntil(Instant next) {
		return new UserRecord.Provisioning(ProvisioningState.FAILED, 1, next, null, null);
	}

	private static Document malformed() {
		return new Document("_id", "42").append("fullName", 42)
			.append("auth", "ada@example.test")
			.append("phoneNumber", List.of("08031234567"))
			.append("accountProvisioning",
					new Document("state", 7).append("attempts", "two")
						.append("nextAttemptAt", "soon")
						.append("account", "0123456789")
						.append("notification", "MAYBE"));
	}

	private static ObjectId insert(Document user) {
		ObjectId id = (user.get("_id") instanceof ObjectId given) ? given : new ObjectId();
		InProcessServices.database().getCollection(UserFields.USERS).insertOne(user.append("_id", id));
		return id;
	}

	/** The application's template: Spring Boot's mapping with the job's conversions. */
	private static MongoTemplate templateWithUserRecordConversion() {
		MongoCustomConversions conversions = new UserMongoConfiguration().mongoCustomConversions();
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		context.afterPropertiesSet();
		SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(InProcessServices.MONGO_CLIENT,
				InProcessServices.DATABASE);
		MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return new MongoTemplate(factory, converter);
	}

}
