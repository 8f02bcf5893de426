package ng.kinta.dedicatedaccounts.batch.support;

import ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The job without the command line, for tests that launch runs through the run service.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DedicatedAccountsBatchConfiguration.class)
public class JobTestApplication {

}
