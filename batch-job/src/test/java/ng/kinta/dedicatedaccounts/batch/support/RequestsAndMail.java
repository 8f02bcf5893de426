package ng.kinta.dedicatedaccounts.batch.support;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * What the job sent to its peers, counted per user: Billstack requests by
 * {@code reference} (the user's id) and account emails by recipient.
 */
public final class RequestsAndMail {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RequestsAndMail() {
	}

	/**
	 * Billstack requests received, per reference.
	 * @return reference (user id, hex) → number of requests
	 */
	public static Map<String, Integer> billstackRequestsPerUser() {
		Map<String, Integer> counts = new HashMap<>();
		for (LoggedRequest request : InProcessServices.BILLSTACK
			.findAll(postRequestedFor(urlPathEqualTo(BillstackStubs.PATH)))) {
			String reference = JSON.readTree(request.getBodyAsString()).path("reference").asString();
			counts.merge(reference, 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * Emails received by the SMTP stand-in, per recipient.
	 * @return recipient address → number of emails
	 * @throws MessagingException when a message cannot be read
	 */
	public static Map<String, Integer> emailsPerRecipient() throws MessagingException {
		Map<String, Integer> counts = new HashMap<>();
		for (MimeMessage message : InProcessServices.SMTP.getReceivedMessages()) {
			for (Address to : message.getAllRecipients()) {
				counts.merge(to.toString(), 1, Integer::sum);
			}
		}
		return counts;
	}

}
