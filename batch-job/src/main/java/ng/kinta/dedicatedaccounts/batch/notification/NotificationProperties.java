package ng.kinta.dedicatedaccounts.batch.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the account email ({@code app.mail.*}); the SMTP relay itself is Spring
 * Boot's {@code spring.mail.*}, fed from {@code SMTP_HOST}, {@code SMTP_PORT},
 * {@code HOST_EMAIL} and {@code HOST_EMAIL_PASSWORD}.
 *
 * @param from sender address ({@code MAIL_FROM}), for example
 * {@code Kinta <hello@kinta.ng>}
 * @param subject subject line of the account email
 * @param connectionPerEmail {@code true} opens one SMTP connection per email, the way the
 * job used to send (slower: each connection costs a TLS handshake and a login);
 * {@code false} (the default) sends a batch of emails over one connection
 * @param connections SMTP connections a run keeps open to the relay (1 to 16; 4 by
 * default), each logged in once per run; a batch of emails is shared among them, so a
 * distant relay costs its round trips on several connections at once
 */
@Validated
@ConfigurationProperties("app.mail")
public record NotificationProperties(@NotBlank String from, @NotBlank String subject, boolean connectionPerEmail,
		@DefaultValue("4") @Min(1) @Max(16) int connections) {

}
