package ng.kinta.dedicatedaccounts.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens {@code target/qstash-admin.jar} as the build packaged it (failsafe runs after
 * {@code package}) and looks into it and every library jar inside it: no test or demo
 * stand-in (WireMock, GreenMail, mongo-java-server), no demo code or sample data.
 */
class ProductionJarIntegrationTests {

	private static final List<String> FORBIDDEN = List.of("com/github/tomakehurst/", "org/wiremock/", "com/icegreen/",
			"de/bwaldvogel/", "ng/kinta/dedicatedaccounts/demo/", "demo/kinta-sample/", "wiremock", "greenmail",
			"mongo-java-server");

	@Test
	void theJarHoldsNoStandInAndNoDemo() throws IOException {
		Path jar = Path.of("target", "qstash-admin.jar");
		assertThat(jar).isRegularFile();
		List<String> entries = new ArrayList<>();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (ZipEntry entry : zip.stream().toList()) {
				entries.add(entry.getName());
				if (entry.getName().endsWith(".jar")) {
					try (InputStream nested = zip.getInputStream(entry)) {
						entries.addAll(namesIn(entry.getName(), nested));
					}
				}
			}
		}

		assertThat(entries).as("entries of %s and of the jars inside it", jar)
			.anyMatch((name) -> name.endsWith(".class"))
			.noneMatch(ProductionJarIntegrationTests::isForbidden);
		assertThat(Files.size(jar)).isPositive();
	}

	@Test
	void theJarHoldsNoDemoSettingsAndNoWellKnownSecret() throws IOException {
		// a stray SPRING_PROFILES_ACTIVE=demo next to a real QSTASH_TOKEN must not open
		// the
		// manage API with a published secret
		Path jar = Path.of("target", "qstash-admin.jar");
		List<String> settings = new ArrayList<>();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (ZipEntry entry : zip.stream().toList()) {
				String name = entry.getName();
				if (name.startsWith("BOOT-INF/classes/") && isSettings(name)) {
					settings.add(name);
					try (InputStream in = zip.getInputStream(entry)) {
						String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
						assertThat(text).as(name)
							.doesNotContain("demo-signature")
							.doesNotContain("demo-token")
							.doesNotContainPattern("on-profile:\\s*demo");
					}
				}
			}
		}
		assertThat(settings).contains("BOOT-INF/classes/application.yml").noneMatch((name) -> name.contains("-demo."));
	}

	// git.properties (the commit /actuator/info shows) is build metadata, not settings
	private static boolean isSettings(String name) {
		return (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties"))
				&& !name.endsWith("/git.properties");
	}

	private static List<String> namesIn(String jarName, InputStream jar) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(jar)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(jarName + "!/" + entry.getName());
			}
		}
		return names;
	}

	private static boolean isForbidden(String name) {
		String lowerCase = name.toLowerCase(java.util.Locale.ROOT);
		return FORBIDDEN.stream()
			.anyMatch((forbidden) -> lowerCase.contains(forbidden.toLowerCase(java.util.Locale.ROOT)));
	}

}
