package ng.kinta.dedicatedaccounts.batch.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Emails alerts to {@code ALERT_EMAIL} as plain text, through the relay and sender of the
 * account emails ({@code SMTP_*}, {@code MAIL_FROM}).
 */
class EmailAlertSender implements AlertSender {

	private static final Logger logger = LoggerFactory.getLogger(EmailAlertSender.class);

	private final JavaMailSender mailSender;

	private final String from;

	private final String to;

	EmailAlertSender(JavaMailSender mailSender, String from, String to) {
		this.mailSender = mailSender;
		this.from = from;
		this.to = to;
	}

	@Override
	public void send(Alert alert) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(this.to);
		message.setSubject(alert.subject());
		message.setText(alert.text());
		try {
			this.mailSender.send(message);
			logger.info("Alert for run {} emailed", alert.jobExecutionId());
		}
		catch (MailException ex) {
			logger.warn("Alert for run {} not emailed: {}", alert.jobExecutionId(), ex.getClass().getSimpleName());
		}
	}

}
