package ng.kinta.dedicatedaccounts.batch.billstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BillstackPaceTests {

	@Test
	void throttlingHalvesTheRequestsInFlightDownToOne() {
		BillstackPace pace = new BillstackPace(8);

		pace.slowDown();
		assertThat(pace.getConcurrencyLimit()).isEqualTo(4);
		pace.slowDown();
		pace.slowDown();
		pace.slowDown();
		assertThat(pace.getConcurrencyLimit()).isEqualTo(1);
	}

	@Test
	void successesRegainThePaceUpToTheConfiguredConcurrency() {
		BillstackPace pace = new BillstackPace(3);
		pace.slowDown();

		pace.speedUp();
		pace.speedUp();
		pace.speedUp();

		assertThat(pace.getConcurrencyLimit()).isEqualTo(3);
	}

	@Test
	void callsGoThroughTheThrottle() {
		BillstackPace pace = new BillstackPace(1);

		assertThat(pace.call(() -> "answer")).isEqualTo("answer");
		// the permit was given back: a second call does not block
		assertThat(pace.call(() -> "again")).isEqualTo("again");
	}

	@Test
	void refusesANonPositiveConcurrency() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BillstackPace(0));
	}

}
