package ng.kinta.dedicatedaccounts.batch.explain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTests {

	@Test
	void anEmailKeepsItsFirstCharacterAndItsDomain() {
		assertThat(PersonalDataMask.email(" ada.obi@example.com ")).isEqualTo("a***@example.com");
		assertThat(PersonalDataMask.email("not-an-address")).isEqualTo("***");
		assertThat(PersonalDataMask.email("@example.com")).isEqualTo("***");
		assertThat(PersonalDataMask.email(null)).isNull();
	}

	@Test
	void anAccountKeepsTheLastFourDigitsOfItsNumberAndTheInitialsOfItsName() {
		assertThat(PersonalDataMask.accountNumber("9012345678")).isEqualTo("******5678");
		assertThat(PersonalDataMask.accountNumber("123")).isEqualTo("***");
		assertThat(PersonalDataMask.name(" Kinta-Ada  Obi ")).isEqualTo("K*** O***");
	}

	@Test
	void aPhoneNumberKeepsItsFirstFourAndLastThreeDigits() {
		assertThat(PersonalDataMask.phone("0803 123 4567")).isEqualTo("0803****567");
		assertThat(PersonalDataMask.phone("+2348031234567")).isEqualTo("2348****567");
		assertThat(PersonalDataMask.phone("12345")).isEqualTo("***45");
		assertThat(PersonalDataMask.phone(" ")).isNull();
	}

}
