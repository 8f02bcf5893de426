package ng.kinta.dedicatedaccounts.batch.alert;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Posts alerts to {@code ALERT_WEBHOOK_URL} as {@code {"text": "…"}}, the body of a Slack
 * incoming webhook
 * (https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks), which
 * Mattermost, Rocket.Chat and others accept too.
 */
class WebhookAlertSender implements AlertSender {

	private static final Logger logger = LoggerFactory.getLogger(WebhookAlertSender.class);

	private final RestClient restClient;

	private final String url;

	/*
	 * @param restClient client with short timeouts
	 *
	 * @param url the webhook (a secret: never logged)
	 */
	WebhookAlertSender(RestClient restClient, String url) {
		this.restClient = restClient;
		this.url = url;
	}

	@Override
	public void send(Alert alert) {
		try {
			this.restClient.post()
				.uri(this.url)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("text", alert.text()))
				.retrieve()
				.toBodilessEntity();
			logger.info("Alert for run {} posted to the webhook", alert.jobExecutionId());
		}
		catch (RestClientResponseException ex) {
			logger.warn("Alert for run {} not delivered: the webhook answered HTTP {}", alert.jobExecutionId(),
					ex.getStatusCode().value());
		}
		catch (RestClientException ex) {
			// the message may contain the URL, which holds the webhook's token
			logger.warn("Alert for run {} not delivered: webhook unreachable ({})", alert.jobExecutionId(),
					rootCauseName(ex));
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Alert for run {} not delivered: ALERT_WEBHOOK_URL is not a valid URL", alert.jobExecutionId());
		}
	}

	private static String rootCauseName(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

}
