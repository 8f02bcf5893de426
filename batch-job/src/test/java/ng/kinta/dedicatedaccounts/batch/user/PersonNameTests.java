package ng.kinta.dedicatedaccounts.batch.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Fatima Chukwu|Fatima|Chukwu", "'  Fatima   Afolabi '|Fatima|Afolabi",
					"Musa Adaeze Adeyemi|Musa|Adaeze Adeyemi", "Funmilayo  Sani   Garba|Funmilayo|Sani Garba",
					"Aisha|Aisha|Aisha", "Ọlálékan|Ọlálékan|Ọlálékan", "CHIAMAKA OYELARAN|CHIAMAKA|OYELARAN",
					"Obinna O'Abubakar|Obinna|O'Abubakar", "Sani Lawal-Garba|Sani|Lawal-Garba",
					"Adébáyọ̀ O'Garba|Adébáyọ̀|O'Garba" })
	void splitsFirstTokenFromTheRest(String fullName, String first, String last) {
		assertThat(PersonName.parse(fullName)).contains(new PersonName(first, last));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t" })
	void blankNamesAreMissing(String fullName) {
		assertThat(PersonName.parse(fullName)).isEmpty();
	}

}
