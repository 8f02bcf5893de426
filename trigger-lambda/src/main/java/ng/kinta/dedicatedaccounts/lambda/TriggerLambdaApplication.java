package ng.kinta.dedicatedaccounts.lambda;

import ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration;
import ng.kinta.dedicatedaccounts.trigger.TriggerProperties;
import ng.kinta.dedicatedaccounts.trigger.function.TriggerFunctionConfiguration;
import ng.kinta.dedicatedaccounts.trigger.replay.MongoUsedTokens;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The trigger on AWS Lambda: the job and the one trigger function bean
 * ({@link TriggerFunctionConfiguration}), invoked by Spring Cloud Function's
 * {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker} (the handler),
 * which starts this application without a web server. Found by the invoker through the
 * {@code Start-Class} of this module's {@code META-INF/MANIFEST.MF} (or the
 * {@code MAIN_CLASS} environment variable).
 */
@SpringBootApplication
@EnableConfigurationProperties({ TriggerProperties.class, LambdaProperties.class })
// MongoUsedTokens: the tokens already accepted, shared with the web trigger (replay)
@Import({ DedicatedAccountsBatchConfiguration.class, TriggerFunctionConfiguration.class, MongoUsedTokens.class })
public class TriggerLambdaApplication {

}
