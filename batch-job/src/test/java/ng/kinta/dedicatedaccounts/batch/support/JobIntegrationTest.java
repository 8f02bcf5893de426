package ng.kinta.dedicatedaccounts.batch.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the job through the run service against the in-process
 * services: the application, the {@code test} profile, the services' addresses, and a
 * clean slate before each test. Add settings with {@code @TestPropertySource}.
 */
@SpringBootTest(classes = JobTestApplication.class)
@ActiveProfiles("test")
public abstract class JobIntegrationTest {

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		InProcessServices.register(registry);
	}

	@BeforeEach
	void resetServices() {
		InProcessServices.reset();
	}

}
