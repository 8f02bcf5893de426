package ng.kinta.dedicatedaccounts.batch.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
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

	private final TemplateEngine templates;

	AccountEmailSender(JavaMailSender mailSender, NotificationProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
		this.templates = new TemplateEngine();
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
	}

	/**
	 * Sends the email.
	 * @param email recipient and account details
	 * @throws MailException when the relay refuses or cannot be reached (the caller keeps
	 * the notification pending)
	 */
	public void send(AccountEmail email) {
		MimeMessage message = this.mailSender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.from());
			helper.setTo(email.to());
			helper.setSubject(this.properties.subject());
			helper.setText(render("mail/account-ready.txt", email), render("mail/account-ready.html", email));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not build the account email", ex);
		}
		this.mailSender.send(message);
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
