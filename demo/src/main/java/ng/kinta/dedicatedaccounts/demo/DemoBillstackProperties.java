package ng.kinta.dedicatedaccounts.demo;

import java.time.Duration;
import java.util.Map;

/**
 * Behaviour of the demo Billstack stand-in ({@code app.demo.billstack.*}).
 *
 * @param latency delay of every answer
 * @param failures bank → how that bank fails: {@code http-500}, {@code http-503},
 * {@code status-false} or {@code timeout}
 */
record DemoBillstackProperties(Duration latency, Map<String, String> failures) {

	DemoBillstackProperties {
		latency = (latency != null) ? latency : Duration.ofMillis(20);
		failures = (failures != null) ? Map.copyOf(failures) : Map.of();
	}

}
