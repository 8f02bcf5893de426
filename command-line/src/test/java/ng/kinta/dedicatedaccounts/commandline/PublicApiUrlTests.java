package ng.kinta.dedicatedaccounts.commandline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublicApiUrlTests {

	@Test
	void trailingSlashesAndSpacesAreDroppedSoBothSidesSignTheSameUrl() {
		assertThat(PublicApiUrl.normalize(" https://api.example.com/ ")).isEqualTo("https://api.example.com");
		assertThat(PublicApiUrl.normalize("https://api.example.com//")).isEqualTo("https://api.example.com");
		assertThat(PublicApiUrl.normalize("https://api.example.com/v1")).isEqualTo("https://api.example.com/v1");
	}

	@Test
	void onlyAnAbsoluteHttpsUrlIsAcceptedOutsideTheDemo() {
		assertThat(PublicApiUrl.requireValid("https://api.example.com", false)).isEqualTo("https://api.example.com");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PublicApiUrl.requireValid("http://api.example.com", false))
			.withMessageContaining("NEXT_PUBLIC_API_URL");
		assertThatIllegalArgumentException().isThrownBy(() -> PublicApiUrl.requireValid("api.example.com", false))
			.withMessageContaining("NEXT_PUBLIC_API_URL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PublicApiUrl.requireValid("https://api.example.com?x=1", false));
		assertThat(PublicApiUrl.requireValid("http://localhost:8080", true)).isEqualTo("http://localhost:8080");
	}

}
