package ng.kinta.dedicatedaccounts.batch.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Phone numbers as users typed them on phones. Invisible and unusual characters are
 * written as Java escapes so that the test shows what it feeds in.
 */
class NigerianPhoneNumberTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', value = {
			// forms that always worked
			"08184912849|08184912849", "+2348065017630|08065017630", "2347055527720|07055527720",
			"0803 123 4567|08031234567", "0803-123-4567|08031234567", "8031234567|08031234567",
			"' 09062448823 '|09062448823", "+234 (803) 123-4567|08031234567", "0803.123.4567|08031234567",
			// the examples: no-break spaces, en dash, 00 prefix
			"0803\u00a0123\u00a04567|08031234567", "0803\u2013123\u20134567|08031234567", "002348031234567|08031234567",
			// other Unicode spaces: figure, narrow no-break, ideographic, tab
			"0803\u2007123\u20074567|08031234567", "0803\u202f123\u202f4567|08031234567",
			"0803\u3000123\u30004567|08031234567", "0803\t123\t4567|08031234567", "0803\u2028123 4567|08031234567",
			// other dashes: hyphen, non-breaking hyphen, figure dash, em dash, bar, minus
			"0803\u2010123\u20104567|08031234567", "0803\u2011123\u20114567|08031234567",
			"0803\u2012123\u20124567|08031234567", "0803\u2014123\u20144567|08031234567",
			"0803\u2015123\u20154567|08031234567", "0803\u2212123\u22124567|08031234567",
			// full-width digits and plus sign
			"\uff10\uff18\uff10\uff13\uff11\uff12\uff13\uff14\uff15\uff16\uff17|08031234567",
			"\uff0b\uff12\uff13\uff14\uff18\uff10\uff13\uff11\uff12\uff13\uff14\uff15\uff16\uff17|08031234567",
			// bidi and zero-width marks, word joiner, byte-order mark, soft hyphen
			"\u200e+234 803 123 4567\u200f|08031234567", "0803\u200b123\u200b4567|08031234567",
			"0803\u200c123\u200d4567|08031234567", "\u20600803\u2060123\u20604567|08031234567",
			"\ufeff08031234567|08031234567", "\u202a+2348031234567\u202c|08031234567",
			"0803\u00ad123\u00ad4567|08031234567",
			// other prefixes
			"+234 0803 123 4567|08031234567", "00234 803 123 4567|08031234567", "009 234 803 123 4567|08031234567",
			"(0803) 123 4567|08031234567", "234-703-123-4567|07031234567", "+234 901 234 5672|09012345672" })
	void normalizesToLocalForm(String raw, String expected) {
		assertThat(NigerianPhoneNumber.normalize(raw)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "12345", "0803123456", "080312345678", "phone", "06031234567", "00000000000",
			"+234 803 123", "0803\u00a0123\u00a0456", "\u200b\u200b" })
	void invalidNumbersAreUnusable(String raw) {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> NigerianPhoneNumber.normalize(raw))
			.withMessage("phoneNumber is not a valid phone number");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "+44 20 7123 4567", "0044 20 7123 4567", "+1 202 555 0143", "+233 24 123 4567" })
	void foreignNumbersAreUnusable(String raw) {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> NigerianPhoneNumber.normalize(raw))
			.withMessage("phoneNumber is not a Nigerian number");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(
			strings = { "02033 12 3456", "+234 2033 12 3456", "0700 123 4567", "0800 1759 1759", "+234 700 123 4567" })
	void landlinesAndNonGeographicNumbersAreUnusable(String raw) {
		assertThatExceptionOfType(UnusableUserRecordException.class)
			.isThrownBy(() -> NigerianPhoneNumber.normalize(raw))
			.withMessage("phoneNumber is not a Nigerian mobile number");
	}

}
