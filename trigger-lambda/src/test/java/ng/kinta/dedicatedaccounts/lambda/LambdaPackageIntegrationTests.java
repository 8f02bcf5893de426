package ng.kinta.dedicatedaccounts.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zip {@code ./mvnw package} builds for Lambda: the function's classes at the root,
 * its dependencies in {@code lib/}, the start class named in the manifest, and neither a
 * stand-in, H2 nor a web server.
 */
class LambdaPackageIntegrationTests {

	private static final Path ZIP = Path.of("target", "trigger-lambda-aws.zip");

	@Test
	void theZipHasTheLayoutLambdaLoads() throws IOException {
		try (ZipFile zip = new ZipFile(ZIP.toFile())) {
			assertThat(zip.getEntry("ng/kinta/dedicatedaccounts/lambda/TriggerLambdaApplication.class")).isNotNull();
			assertThat(zip.getEntry("application.yml")).isNotNull();
			assertThat(libraries(zip)).anyMatch((jar) -> jar.startsWith("lib/spring-cloud-function-adapter-aws-"))
				.anyMatch((jar) -> jar.startsWith("lib/aws-lambda-java-core-"))
				.anyMatch((jar) -> jar.startsWith("lib/trigger-function-"))
				.anyMatch((jar) -> jar.startsWith("lib/batch-job-"))
				.anyMatch((jar) -> jar.startsWith("lib/spring-batch-integration-"))
				.anyMatch((jar) -> jar.startsWith("lib/postgresql-"));
			ZipEntry manifest = zip.getEntry("META-INF/MANIFEST.MF");
			try (InputStream in = zip.getInputStream(manifest)) {
				assertThat(new Manifest(in).getMainAttributes().getValue("Start-Class"))
					.isEqualTo(TriggerLambdaApplication.class.getName());
			}
		}
	}

	@Test
	void theZipHoldsNoStandInNoH2AndNoWebServer() throws IOException {
		try (ZipFile zip = new ZipFile(ZIP.toFile())) {
			assertThat(libraries(zip)).noneMatch((jar) -> jar.contains("mongo-java-server"))
				.noneMatch((jar) -> jar.contains("greenmail"))
				.noneMatch((jar) -> jar.contains("wiremock"))
				.noneMatch((jar) -> jar.startsWith("lib/h2-"))
				.noneMatch((jar) -> jar.contains("tomcat-embed-core"))
				.noneMatch((jar) -> jar.contains("netty"))
				.noneMatch((jar) -> jar.contains("spring-webmvc"))
				.noneMatch((jar) -> jar.contains("spring-webflux"))
				.noneMatch((jar) -> jar.contains("spring-cloud-function-web"))
				.noneMatch((jar) -> jar.contains("spring-security"))
				.noneMatch((jar) -> jar.contains("configuration-processor"))
				.noneMatch((jar) -> jar.contains("demo"));
			assertThat(zip.stream().map(ZipEntry::getName)).noneMatch((name) -> name.contains("/demo/"));
		}
	}

	private static List<String> libraries(ZipFile zip) {
		return zip.stream().map(ZipEntry::getName).filter((name) -> name.startsWith("lib/")).toList();
	}

}
