package ng.kinta.dedicatedaccounts.batch.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CustomerTests {

	private static final ObjectId ID = new ObjectId("60773b5beeb21019cb6384e6");

	@Test
	void normalizesEmailNameAndPhone() {
		Customer customer = customer(user(" Musa.4@Example.TEST ", "  Musa   Adaeze Adeyemi ", "+234 705 552 7720"));

		assertThat(customer.id()).isEqualTo(ID);
		assertThat(customer.email()).isEqualTo("musa.4@example.test");
		assertThat(customer.name()).isEqualTo(new PersonName("Musa", "Adaeze Adeyemi"));
		assertThat(customer.phone()).isEqualTo("07055527720");
		assertThat(customer.toString()).doesNotContain("musa.4").doesNotContain("0705");
	}

	@Test
	void everyUserOfTheSampleDataIsUsable() throws IOException {
		String users = new ClassPathResource("demo/kinta-sample/users.json").getContentAsString(StandardCharsets.UTF_8);
		List<Document> documents = users.lines().map(Document::parse).toList();

		assertThat(documents).hasSize(240);
		assertThat(documents).allSatisfy((user) -> assertThat(customer(user).phone()).matches("0\\d{10}"));
	}

	@Test
	void missingEmailIsReportedWithoutValues() {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> customer(user(null, "Ada Obi", "08031234567")))
			.withMessage("missing auth.email");
	}

	@Test
	void missingAuthDocumentIsMissingEmail() {
		Document user = new Document("_id", ID).append("fullName", "Ada Obi").append("phoneNumber", "08031234567");

		assertThatExceptionOfType(UnusableUserRecordException.class).isThrownBy(() -> customer(user))
			.withMessage("missing auth.email");
	}

	@Test
	void malformedEmailIsUnusable() {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> customer(user("not-an-email", "Ada Obi", "08031234567")))
			.withMessage("auth.email is not an email address");
	}

	@Test
	void missingNameIsUnusable() {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> customer(user("ada@example.test", "  ", "08031234567")))
			.withMessage("missing fullName");
	}

	@Test
	void missingPhoneIsUnusable() {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> customer(user("ada@example.test", "Ada Obi", null)))
			.withMessage("missing phoneNumber");
	}

	@Test
	void foreignPhoneIsUnusableAndNotEchoed() {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> customer(user("ada@example.test", "Ada Obi", "+44 20 7123 4567")))
			.withMessage("phoneNumber is not a Nigerian mobile number");
	}

	@Test
	void nameOfTheWrongTypeIsMissing() {
		Document user = user("ada@example.test", null, "08031234567").append("fullName", 42);

		assertThatExceptionOfType(UnusableUserRecordException.class).isThrownBy(() -> customer(user))
			.withMessage("missing fullName");
	}

	private static Customer customer(Document user) {
		return Customer.from(UserRecord.from(user));
	}

	private static Document user(String email, String fullName, String phone) {
		Document auth = new Document("password", "$2a$10$FIXTURESECRET");
		if (email != null) {
			auth.append("email", email);
		}
		return new Document("_id", ID).append("fullName", fullName).append("auth", auth).append("phoneNumber", phone);
	}

}
