package ng.kinta.dedicatedaccounts.admin.manage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureCheckTests {

	private final SignatureCheck check = new SignatureCheck("s3cret-Signature");

	@Test
	void theConfiguredValueMatches() {
		assertThat(this.check.enabled()).isTrue();
		assertThat(this.check.matches("s3cret-Signature")).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "wrong", "s3cret-signature", "s3cret-Signature ", "s3cret-Signatur",
			"s3cret-Signature-longer", " " })
	void anythingElseIsRefused(String given) {
		assertThat(this.check.matches(given)).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void unsetOrBlankSignatureDisablesEverything(String configured) {
		SignatureCheck disabled = new SignatureCheck(configured);

		assertThat(disabled.enabled()).isFalse();
		assertThat(disabled.matches(configured)).isFalse();
		assertThat(disabled.matches("anything")).isFalse();
	}

	@Test
	void comparesUtf8Bytes() {
		assertThat(new SignatureCheck("clé-ß").matches("clé-ß")).isTrue();
		assertThat(new SignatureCheck("clé-ß").matches("cle-ß")).isFalse();
	}

}
