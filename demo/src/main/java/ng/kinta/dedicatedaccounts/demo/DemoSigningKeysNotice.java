package ng.kinta.dedicatedaccounts.demo;

import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the trigger web app runs on the demo ({@code demo.jar trigger}), prints the
 * published demo signing keys so that a newcomer can sign requests by hand. A key that
 * was overridden (e.g. by {@code QSTASH_CURRENT_SIGNING_KEY}) is never printed: it may be
 * a real one.
 */
@Component
@Profile("demo")
@ConditionalOnWebApplication
class DemoSigningKeysNotice {

	private static final Logger logger = LoggerFactory.getLogger(DemoSigningKeysNotice.class);

	private final TriggerProperties properties;

	private final String demoCurrentKey;

	private final String demoNextKey;

	DemoSigningKeysNotice(TriggerProperties properties, @Value("${trigger.demo.current-key}") String demoCurrentKey,
			@Value("${trigger.demo.next-key}") String demoNextKey) {
		this.properties = properties;
		this.demoCurrentKey = demoCurrentKey;
		this.demoNextKey = demoNextKey;
	}

	@EventListener(ApplicationReadyEvent.class)
	void printDemoKeys() {
		logger.warn(
				"DEMO ONLY - published QStash signing keys, never use them in production: current={}, next={}; "
						+ "expected sub claim: {}",
				shown(this.properties.signing().currentKey(), this.demoCurrentKey),
				shown(this.properties.signing().nextKey(), this.demoNextKey), this.properties.endpointUrl());
	}

	private static String shown(String configured, String demo) {
		return configured.equals(demo) ? demo : "(overridden, not shown)";
	}

}
