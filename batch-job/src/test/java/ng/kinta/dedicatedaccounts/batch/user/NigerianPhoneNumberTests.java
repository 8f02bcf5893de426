package ng.kinta.dedicatedaccounts.batch.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NigerianPhoneNumberTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "08184912849|08184912849", "+2348065017630|08065017630", "2347055527720|07055527720",
					"0803 123 4567|08031234567", "0803-123-4567|08031234567", "8031234567|08031234567",
					"' 09062448823 '|09062448823", "+234 (803) 123-4567|08031234567" })
	void normalizesToLocalForm(String raw, String expected) {
		assertThat(NigerianPhoneNumber.normalize(raw)).contains(expected);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "12345", "+4420712345678", "0803123456", "080312345678", "phone", "06031234567" })
	void rejectsWhatIsNotANigerianMobileNumber(String raw) {
		assertThat(NigerianPhoneNumber.normalize(raw)).isEmpty();
	}

}
