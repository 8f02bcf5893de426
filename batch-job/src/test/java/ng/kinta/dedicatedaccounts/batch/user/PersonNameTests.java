package ng.kinta.dedicatedaccounts.batch.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names as users typed them. Invisible and unusual characters are written as Java escapes
 * so that the test shows what it feeds in.
 */
class PersonNameTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|',
			value = { "Fatima Chukwu|Fatima|Chukwu", "'  Fatima   Afolabi '|Fatima|Afolabi",
					"Musa Adaeze Adeyemi|Musa|Adaeze Adeyemi", "Funmilayo  Sani   Garba|Funmilayo|Sani Garba",
					"Aisha|Aisha|Aisha", "Ọlálékan|Ọlálékan|Ọlálékan", "CHIAMAKA OYELARAN|CHIAMAKA|OYELARAN",
					"Obinna O'Abubakar|Obinna|O'Abubakar", "Sani Lawal-Garba|Sani|Lawal-Garba",
					"Adébáyọ̀ O'Garba|Adébáyọ̀|O'Garba", "Ngozi O’Neil|Ngozi|O’Neil",
					// the examples: a no-break space, a zero-width character
					"Ada\u00a0Obi|Ada|Obi", "Ada\u200b Obi|Ada|Obi",
					// other Unicode spaces: figure, narrow no-break, ideographic, em,
					// tab, line breaks
					"Ada\u2007Obi|Ada|Obi", "Ada\u202fObi|Ada|Obi", "Ada\u3000Obi|Ada|Obi", "Ada\u2003Obi|Ada|Obi",
					"Ada\tObi|Ada|Obi", "Ada\u2028Obi|Ada|Obi", "Ada\u0085Obi|Ada|Obi",
					"'\u00a0Ada \u00a0 Nkem\u202fObi\u00a0'|Ada|Nkem Obi",
					// bidi marks, word joiner, byte-order mark, zero-width joiners:
					// removed
					"\u200eAda Obi\u200f|Ada|Obi", "\ufeffAda Obi|Ada|Obi", "Ada\u2060 Obi|Ada|Obi",
					"A\u200dda O\u200cbi|Ada|Obi", "\u202bAda Obi\u202c|Ada|Obi",
					// a single word, with invisible marks around it
					"\u200bAisha\u200b|Aisha|Aisha", "Aisha\u00a0|Aisha|Aisha",
					// hyphens and apostrophes of other kinds are letters of the name, not
					// separators
					"Ada Obi\u2010Eze|Ada|Obi\u2010Eze", "Ada D\u02bcObi|Ada|D\u02bcObi" })
	void splitsFirstWordFromTheRest(String fullName, String first, String last) {
		assertThat(PersonName.parse(fullName)).contains(new PersonName(first, last));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t", "\u00a0\u00a0", "\u200b", "\u3000\u200e\ufeff" })
	void namesWithoutAVisibleCharacterAreMissing(String fullName) {
		assertThat(PersonName.parse(fullName)).isEmpty();
	}

}
