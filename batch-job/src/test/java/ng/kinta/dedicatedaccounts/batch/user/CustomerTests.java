package ng.kinta.dedicatedaccounts.batch.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "not-an-email", "ada@@example.test", "ada.obi@example.test,ada.o@example.test",
			"ada.obi@example.test, ada.o@example.test", "ada.obi@example.test;ada.o@example.test",
			"ada obi@example.test", "ada@exa mple.test", "@example.test", "ada@", "ada@example..test",
			"ada.@example.test", ".ada@example.test", "ada..obi@example.test", "ada@example.test>", "<ada@example.test",
			"ada@[example.test", "ada\u00a0obi@example.test", "ada\u200b@example.test", "ada@example.test\u200b" })
	void unmailableEmailIsUnusable(String email) {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> customer(user(email, "Ada Obi", "08031234567")))
			.withMessageStartingWith("auth.email is not")
			.withMessageNotContaining("ada");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "Ada Obi <ada@example.test>", "\"Ada\" <ada@example.test>", "<ada@example.test>",
			"team: ada@example.test, obi@example.test;" })
	void emailWithADisplayNameOrGroupIsUnusable(String email) {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> customer(user(email, "Ada Obi", "08031234567")))
			.withMessageStartingWith("auth.email is not");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "ada.obi@example.test", "Ada.Obi@Example.TEST", "  ada.obi@example.test ",
			"\tADA.OBI@EXAMPLE.TEST\n", "\u00a0ada.obi@example.test\u00a0", "\u3000Ada.Obi@example.test" })
	void emailDifferingInCaseOrSurroundingSpaceIsUsable(String email) {
		assertThat(customer(user(email, "Ada Obi", "08031234567")).email()).isEqualTo("ada.obi@example.test");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "ada+kinta@example.test", "ada_obi-1@mail.example.test", "o'neil@example.test" })
	void emailWithUnusualButValidCharactersIsUsable(String email) {
		assertThat(customer(user(email, "Ada Obi", "08031234567")).email()).isEqualTo(email);
	}

	@Test
	void issueExamplesGiveTheExpectedCustomer() {
		Customer customer = customer(user("ada.obi@example.test", "Ada\u00a0Obi", "0803\u2013123\u20134567"));

		assertThat(customer.name()).isEqualTo(new PersonName("Ada", "Obi"));
		assertThat(customer.phone()).isEqualTo("08031234567");
		assertThat(customer(user("ada.obi@example.test", "Ada\u200b Obi", "002348031234567")).phone())
			.isEqualTo("08031234567");
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
			.withMessage("phoneNumber is not a Nigerian number");
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
