package ng.kinta.dedicatedaccounts.batch;

import ng.kinta.dedicatedaccounts.batch.cli.BatchJobApplication;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything the job needs (job configuration, Billstack client, mail, MongoDB access,
 * the {@link ng.kinta.dedicatedaccounts.batch.run.JobRunService}), without the command
 * line. Applications that launch the job import this class; the command line lives in
 * {@link BatchJobApplication}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "ng\\.kinta\\.dedicatedaccounts\\.batch\\.cli\\..*"))
@ConfigurationPropertiesScan
public class DedicatedAccountsBatchConfiguration {

}
