package ng.kinta.dedicatedaccounts.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Starts the {@code demo} profile's in-process stand-ins before the application context
 * is built, and points the application at them: MongoDB ({@link DemoMongo}), Billstack
 * ({@link DemoBillstack}), SMTP ({@link DemoSmtp}) and, for the trigger, QStash's publish
 * API ({@link DemoQstash}, which delivers catch-up runs). A stand-in is started only for
 * a service you have not configured yourself ({@code MONGO_DB_URI},
 * {@code BILLSTACK_BASE_URL}, {@code SMTP_HOST}, {@code QSTASH_URL}). Never active
 * without the {@code demo} profile.
 */
public class DemoStandInsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger logger = LoggerFactory.getLogger(DemoStandInsInitializer.class);

	static final String PROFILE = "demo";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.matchesProfiles(PROFILE)) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		List<AutoCloseable> standIns = new ArrayList<>();
		Binder binder = Binder.get(environment);
		if (!environment.containsProperty("MONGO_DB_URI")) {
			Path dataDirectory = Path.of(environment.getProperty("app.demo.data-dir", "./data"));
			DemoMongo mongo = DemoMongo.start(dataDirectory);
			standIns.add(mongo);
			properties.put("app.mongodb.uri", mongo.uri());
			logger.info("Demo MongoDB (in-process, data in {}) at {}", dataDirectory.toAbsolutePath().normalize(),
					mongo.uri());
		}
		if (!environment.containsProperty("BILLSTACK_BASE_URL")) {
			DemoBillstackProperties billstack = binder
				.bind("app.demo.billstack", Bindable.of(DemoBillstackProperties.class))
				.orElseGet(() -> new DemoBillstackProperties(null, null));
			DemoBillstack stand = DemoBillstack.start(billstack,
					environment.getRequiredProperty("app.billstack.secret-key"));
			standIns.add(stand);
			properties.put("app.billstack.base-url", stand.baseUrl());
			logger.info("Demo Billstack stand-in at {} (failing banks: {}, users whose answers are lost: {})",
					stand.baseUrl(), billstack.failures(), billstack.loseAnswers());
		}
		DemoSmtp smtp = null;
		if (!environment.containsProperty("SMTP_HOST")) {
			// a fixed port lets a benchmark put a delaying proxy in front of it
			smtp = DemoSmtp.start(environment.getProperty("app.demo.smtp.port", Integer.class, 0));
			standIns.add(smtp);
			properties.put("spring.mail.host", "127.0.0.1");
			properties.put("spring.mail.port", smtp.port());
			logger.info("Demo SMTP server (in-process) on port {}", smtp.port());
		}
		// only for the trigger (its demo settings name the demo keys) and only without
		// a QStash of your own
		if (environment.containsProperty("trigger.demo.current-key") && !environment.containsProperty("QSTASH_URL")) {
			DemoQstash qstash = DemoQstash.start(environment.getRequiredProperty("trigger.signing.current-key"));
			standIns.add(qstash);
			properties.put("app.catch-up.qstash.url", qstash.baseUrl());
			if (!environment.containsProperty("QSTASH_TOKEN")) {
				properties.put("app.catch-up.qstash.token", DemoQstash.TOKEN);
			}
			logger.info("Demo QStash stand-in at {}: catch-up runs are published to it and delivered after"
					+ " app.catch-up.delay", qstash.baseUrl());
		}
		addAfterCommandLine(environment.getPropertySources(), new MapPropertySource("demoStandIns", properties));
		DemoSmtp mail = smtp;
		context.addApplicationListener((ContextClosedEvent event) -> {
			if (event.getApplicationContext() != context) {
				return;
			}
			if (mail != null) {
				logger.info("Demo SMTP server received {} emails in this process", mail.receivedCount());
			}
			for (AutoCloseable standIn : standIns) {
				try {
					standIn.close();
				}
				catch (Exception ex) {
					logger.warn("Could not stop {}: {}", standIn.getClass().getSimpleName(), ex.getMessage());
				}
			}
		});
	}

	private static void addAfterCommandLine(MutablePropertySources sources, MapPropertySource standIns) {
		// command-line options still win over the stand-ins' addresses
		if (sources.contains("commandLineArgs")) {
			sources.addAfter("commandLineArgs", standIns);
		}
		else {
			sources.addFirst(standIns);
		}
	}

}
