package ng.kinta.dedicatedaccounts.demo;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Behaviour of the demo Billstack stand-in ({@code app.demo.billstack.*}).
 *
 * @param latency delay of every answer
 * @param failures bank → how that bank fails: {@code http-500}, {@code http-503},
 * {@code status-false} or {@code timeout}
 * @param loseAnswers how many users (the first ones asked) get their account created
 * while every answer about it is lost (answered after the job's read timeout): their
 * outcome stays unknown and they end in the reconciliation queue
 */
record DemoBillstackProperties(Duration latency, Map<String, String> failures, int loseAnswers) {

	@ConstructorBinding
	DemoBillstackProperties {
		latency = (latency != null) ? latency : Duration.ofMillis(20);
		failures = (failures != null) ? Map.copyOf(failures) : Map.of();
	}

	DemoBillstackProperties(Duration latency, Map<String, String> failures) {
		this(latency, failures, 0);
	}

}
