package ng.kinta.dedicatedaccounts.batch.notification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the "account ready" email (HTML and plain text, from the Thymeleaf templates
 * {@code templates/mail/account-ready.html} and {@code .txt}) through the SMTP relay.
 */
@Component
public class AccountEmailSender {

	private final JavaMailSender mailSender;

	private final NotificationProperties properties;

	private final RelayConnections relay;

	private final TemplateEngine templates;

	AccountEmailSender(JavaMailSender mailSender, RelayConnections relay, NotificationProperties properties) {
		this.mailSender = mailSender;
		this.relay = relay;
		this.properties = properties;
		this.templates = new TemplateEngine();
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
	}

	/**
	 * Builds the email.
	 * @param email recipient and account details
	 * @return the message, ready for {@link #send(MimeMessage...)}
	 * @throws AddressException when the recipient's address cannot be parsed strictly
	 * (RFC 822 syntax, as {@link InternetAddress#InternetAddress(String, boolean)} checks
	 * it): such an email can never be sent
	 * @throws MailPreparationException when the message cannot be built
	 */
	public MimeMessage prepare(AccountEmail email) throws AddressException {
		InternetAddress to = new InternetAddress(email.to(), true);
		MimeMessage message = this.mailSender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.from());
			helper.setTo(to);
			helper.setSubject(this.properties.subject());
			helper.setText(render("mail/account-ready.txt", email), render("mail/account-ready.html", email));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not build the account email", ex);
		}
		return message;
	}

	/**
	 * Builds one email with made-up details and throws it away, so that the first real
	 * batch does not pay for parsing the templates and loading the mail classes.
	 */
	void warmUp() {
		try {
			prepare(new AccountEmail("warm-up@example.com", "Ada", "0000000000", "Ada Lovelace", "Bank")).saveChanges();
		}
		catch (MessagingException | RuntimeException ex) {
			// only time is lost: the first real email builds the same things
		}
	}

	/**
	 * Sends messages over one of the run's open SMTP connections
	 * ({@link RelayConnections}), or over one connection each when
	 * {@code app.mail.connection-per-email} is set (the slower way, kept for comparison).
	 * @param messages messages built by {@link #prepare(AccountEmail)}
	 * @throws MailAuthenticationException when the relay refuses the login (nothing sent)
	 * @throws MailSendException when some messages failed: they are the keys of
	 * {@link MailSendException#getFailedMessages()}, with JavaMail's exception for each;
	 * every other message was accepted
	 */
	public void send(MimeMessage... messages) {
		if (!this.properties.connectionPerEmail()) {
			this.relay.send(messages);
			return;
		}
		Map<Object, Exception> failed = new LinkedHashMap<>();
		for (int i = 0; i < messages.length; i++) {
			try {
				this.mailSender.send(messages[i]);
			}
			catch (MailSendException ex) {
				failed.putAll(ex.getFailedMessages().isEmpty() ? Map.of(messages[i], ex) : ex.getFailedMessages());
			}
			catch (MailAuthenticationException ex) {
				// the login is refused from here on; the earlier messages did go out
				for (int j = i; j < messages.length; j++) {
					failed.put(messages[j], ex);
				}
				break;
			}
		}
		if (!failed.isEmpty()) {
			throw new MailSendException(failed);
		}
	}

	private String render(String template, AccountEmail email) {
		Context context = new Context();
		context.setVariables(Map.of("firstName", email.firstName(), "accountNumber", email.accountNumber(),
				"accountName", email.accountName(), "bankName", email.bankName()));
		return this.templates.process(template, context);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

}
