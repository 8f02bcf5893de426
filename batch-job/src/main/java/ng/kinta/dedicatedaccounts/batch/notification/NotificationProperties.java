package ng.kinta.dedicatedaccounts.batch.notification;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@Validated
@ConfigurationProperties("app.mail")
public record NotificationProperties(@NotBlank String from, @NotBlank String subject, boolean connectionPerEmail) {

}
