package ng.kinta.dedicatedaccounts.trigger;

import ng.kinta.dedicatedaccounts.batch.ConfigurationErrors;
import ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration;
import ng.kinta.dedicatedaccounts.trigger.command.TestCronCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The web app QStash calls: serves the trigger function and runs the batch job in
 * process. {@code test-cron} as first argument runs the command instead, without web
 * server or job (see {@link TestCronCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(DedicatedAccountsBatchConfiguration.class)
public class TriggerFunctionApplication {

	public static void main(String[] args) {
		if (TestCronCommand.isRequested(args)) {
			System.exit(TestCronCommand.run(args));
		}
		try {
			SpringApplication.run(TriggerFunctionApplication.class, args);
		}
		catch (RuntimeException ex) {
			// Spring Boot has logged the failure; end with the setting that caused it
			System.err.println(ConfigurationErrors.lastLine(ex));
			System.exit(1);
		}
	}

}
