package ng.kinta.dedicatedaccounts.trigger.health;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the trigger's health checks ({@code app.health.*}).
 *
 * @param mailCheckInterval how long the mail relay's last health answer is reused before
 * the relay is asked again (each check connects and logs in); {@code 0s}: every request
 */
@Validated
@ConfigurationProperties("app.health")
record HealthProperties(@DefaultValue("5m") @NotNull Duration mailCheckInterval) {
}
