package ng.kinta.dedicatedaccounts.batch.user;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import ng.kinta.dedicatedaccounts.batch.account.ExistingAccountFinder;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eligibility against MongoDB's wire protocol (mongo-java-server), with every form of
 * account.
 */
class EligibleUsersTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	private final MongoTemplate mongoTemplate = new MongoTemplate(InProcessServices.MONGO_CLIENT,
			InProcessServices.DATABASE);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ProvisioningStateRepository state = new ProvisioningStateRepository(this.mongoTemplate, this.clock);

	private final EligibleUsers eligibleUsers = new EligibleUsers(this.mongoTemplate,
			new ExistingAccountFinder(this.mongoTemplate), this.state, this.clock);

	@BeforeEach
	void reset() {
		InProcessServices.reset();
	}

	@Test
	void usersOwningAnAccountUnderAnyFormAreNotEligible() {
		// given
		ObjectId byObjectId = user("a@example.test", "active", true);
		ObjectId byHex = user("b@example.test", "active", true);
		ObjectId byEmail = user(" C@Example.test ", "active", true);
		ObjectId byIrregularEmail = user("d@example.test", "active", true);
		ObjectId placeholderOnly = user("e@example.test", "active", true);
		ObjectId eligible = user("f@example.test", "active", true);
		user("g@example.test", "inactive", true);
		user("h@example.test", "active", false);
		account(byObjectId, true);
		account(byHex.toHexString(), true);
		account("c@example.test", true);
		account("  D@EXAMPLE.test", true);
		account("e@example.test", false);

		// when
		EligibleUsers.Selection selection = this.eligibleUsers.select(50, 2, true);

		// then
		assertThat(selection.eligibleCount()).isEqualTo(2);
		assertThat(selection.picked()).containsExactly(placeholderOnly, eligible);
		assertThat(provisioningState(byObjectId)).isEqualTo("PROVISIONED");
		assertThat(provisioningState(byHex)).isEqualTo("PROVISIONED");
		assertThat(provisioningState(byEmail)).isEqualTo("PROVISIONED");
		assertThat(provisioningState(byIrregularEmail)).isEqualTo("PROVISIONED");
		assertThat(provisioningState(eligible)).isNull();
		assertThat(this.eligibleUsers.countWithoutAccount()).isEqualTo(2);
	}

	@Test
	void usersWithAccountsDoNotTakePlacesInTheRun() {
		// given: the first users own accounts, the cap is smaller than their number
		for (int i = 0; i < 5; i++) {
			account(user("owner" + i + "@example.test", "active", true), true);
		}
		ObjectId first = user("first@example.test", "active", true);
		ObjectId second = user("second@example.test", "active", true);

		// when
		EligibleUsers.Selection selection = this.eligibleUsers.select(2, 3, true);

		// then
		assertThat(selection.picked()).containsExactly(first, second);
	}

	@Test
	void usersBackingOffAreCountedButNotPicked() {
		ObjectId waiting = user("w@example.test", "active", true);
		ObjectId due = user("d@example.test", "active", true);
		this.mongoTemplate.getCollection("users")
			.updateOne(new Document("_id", waiting), new Document("$set",
					new Document("accountProvisioning.nextAttemptAt", Date.from(NOW.plusSeconds(60)))));

		EligibleUsers.Selection selection = this.eligibleUsers.select(50, 10, true);

		assertThat(selection.eligibleCount()).isEqualTo(2);
		assertThat(selection.picked()).containsExactly(due);
	}

	@Test
	void documentsWhoseIdIsNotAnObjectIdAreLeftOut() {
		for (Object id : List.of("legacy-user", 42)) {
			this.mongoTemplate.getCollection("users")
				.insertOne(new Document("_id", id).append("status", "active").append("isEmailVerified", true));
		}
		ObjectId eligible = user("ok@example.test", "active", true);

		EligibleUsers.Selection selection = this.eligibleUsers.select(50, 1, true);

		assertThat(selection.eligibleCount()).isEqualTo(1);
		assertThat(selection.picked()).containsExactly(eligible);
	}

	static Stream<Object> idsThatAreNotObjectIds() {
		return Stream.of("legacy-user", "60773b5beeb21019cb6384e6", "", 42, 42L, 4.2, new Date(0),
				new Document("tenant", 1).append("n", 2), true);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("idsThatAreNotObjectIds")
	void documentsWhoseIdIsNotAnObjectIdAreCountedAndTakeNoPlace(Object id) {
		// given: the odd document sorts before every ObjectId; the run takes one user
		this.mongoTemplate.getCollection("users")
			.insertOne(new Document("_id", id).append("fullName", "Ada Obi")
				.append("auth", new Document("email", "ada@example.test"))
				.append("phoneNumber", "08031234567")
				.append("status", "active")
				.append("isEmailVerified", true));
		ObjectId eligible = user("ok@example.test", "active", true);

		// when
		EligibleUsers.Selection selection = this.eligibleUsers.select(1, 1, true);
		EligibleUsers.IgnoredRecords ignored = this.eligibleUsers.ignoredRecords(10);

		// then
		assertThat(selection.eligibleCount()).isEqualTo(1);
		assertThat(selection.picked()).containsExactly(eligible);
		assertThat(ignored.count()).isEqualTo(1);
		assertThat(ignored.firstIds()).containsExactly(String.valueOf(id));
	}

	@Test
	void ignoredRecordsCountOnlyActiveVerifiedUsersAndListTheFirstOnes() {
		for (int i = 0; i < 5; i++) {
			this.mongoTemplate.getCollection("users")
				.insertOne(
						new Document("_id", "legacy-" + i).append("status", "active").append("isEmailVerified", true));
		}
		this.mongoTemplate.getCollection("users")
			.insertOne(new Document("_id", "inactive").append("status", "inactive").append("isEmailVerified", true));
		this.mongoTemplate.getCollection("users")
			.insertOne(new Document("_id", "unverified").append("status", "active").append("isEmailVerified", false));
		user("ok@example.test", "active", true);

		EligibleUsers.IgnoredRecords ignored = this.eligibleUsers.ignoredRecords(2);

		assertThat(ignored.count()).isEqualTo(5);
		assertThat(ignored.firstIds()).containsExactly("legacy-0", "legacy-1");
	}

	@Test
	void noIgnoredRecordsInAnOrdinaryDatabase() {
		user("ok@example.test", "active", true);

		assertThat(this.eligibleUsers.ignoredRecords(10)).isEqualTo(new EligibleUsers.IgnoredRecords(0, List.of()));
	}

	@Test
	void aDryRunSelectionChangesNothing() {
		ObjectId owner = user("o@example.test", "active", true);
		account(owner, true);

		EligibleUsers.Selection selection = this.eligibleUsers.select(50, 10, false);

		assertThat(selection.eligibleCount()).isZero();
		assertThat(provisioningState(owner)).isNull();
	}

	private ObjectId user(String email, String status, boolean verified) {
		ObjectId id = new ObjectId();
		this.mongoTemplate.getCollection("users")
			.insertOne(new Document("_id", id).append("fullName", "Test User")
				.append("auth", new Document("email", email).append("password", "$2a$10$FIXTURESECRET"))
				.append("phoneNumber", "08031234567")
				.append("status", status)
				.append("isEmailVerified", verified));
		return id;
	}

	private void account(Object user, boolean dedicated) {
		this.mongoTemplate.getCollection("accounts")
			.insertOne(new Document("user", user).append("hasDedicatedAccountNumber", dedicated));
	}

	private String provisioningState(ObjectId userId) {
		Document user = this.mongoTemplate.getCollection("users").find(new Document("_id", userId)).first();
		Document provisioning = user.get("accountProvisioning", Document.class);
		return (provisioning != null) ? provisioning.getString("state") : null;
	}

}
