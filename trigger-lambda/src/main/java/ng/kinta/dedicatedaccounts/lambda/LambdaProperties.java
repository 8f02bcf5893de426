package ng.kinta.dedicatedaccounts.lambda;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the trigger on AWS Lambda ({@code trigger.lambda.*}).
 *
 * @param timeMargin time a run may need past its time budget
 * ({@code app.job.time-budget}) to finish: the Billstack request in flight (read timeout
 * 30 s), the mail thread draining, the summary and the alerts. An invocation with less
 * than budget + margin left before the function's timeout is refused with 500 instead of
 * being cut off by Lambda.
 */
@Validated
@ConfigurationProperties("trigger.lambda")
record LambdaProperties(@DefaultValue("60s") @NotNull Duration timeMargin) {

}
