package ng.kinta.dedicatedaccounts.batch.billstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls Billstack's {@code POST /v2/thirdparty/generateVirtualAccount/} once, without
 * retries, and classifies the answer. Contract: {@code docs/BILLSTACK.md} §1–§3
 * (Billstack publishes it at https://billstack.gitbook.io/api).
 */
@Component
public class BillstackClient {

	static final String GENERATE_PATH = "/v2/thirdparty/generateVirtualAccount/";

	/** Billstack's answer to a created account (docs/BILLSTACK.md §1), made up. */
	private static final String WARM_UP_ANSWER = "{\"status\":true,\"message\":\"Account created\",\"data\":"
			+ "{\"reference\":\"000000000000000000000000\",\"account\":[{\"account_number\":\"0000000000\","
			+ "\"account_name\":\"Ada Lovelace\",\"bank_name\":\"PalmPay\",\"bank_id\":\"PALMPAY\"}]}}";

	/** Fragment of Billstack's refusal of concurrent requests for one email. */
	private static final String CONCURRENT_REQUEST_MESSAGE = "multiple requests at a time";

	/** Fragment of a rate-limit answer that does not come with HTTP 429. */
	private static final String TOO_MANY_REQUESTS_MESSAGE = "too many requests";

	private static final int MAX_MESSAGE_LENGTH = 200;

	/** Email addresses Billstack may echo from the request (also URL-encoded). */
	private static final Pattern EMAIL = Pattern.compile("[\\w.+%-]+(?:@|%40)[\\w-]+(?:\\.[\\w-]+)+");

	/**
	 * Runs of digits and phone punctuation; masked when they hold a phone-length number.
	 */
	private static final Pattern NUMBER_RUN = Pattern.compile("\\+?\\(?\\d[\\d .()-]*\\d");

	private static final int PHONE_DIGITS = 10;

	private final RestClient restClient;

	private final JsonMapper jsonMapper;

	BillstackClient(RestClient billstackRestClient, JsonMapper jsonMapper) {
		this.restClient = billstackRestClient;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Asks Billstack for a virtual account at one bank.
	 * @param request the customer, our reference and the bank
	 * @return the account Billstack created
	 * @throws BillstackThrottledException on HTTP 429 or a "too many requests" answer,
	 * with the wait of its {@code Retry-After} header (RFC 9110 §10.2.3: seconds or an
	 * HTTP date)
	 * @throws TransientBillstackException when the account was definitely not created but
	 * a retry may succeed: connection refused, connect timeout, HTTP 500, 502, 503
	 * @throws OutcomeUnknownException when the request was sent and no answer came back:
	 * read timeout, connection reset or closed mid-answer, HTTP 504 or 524, and
	 * Billstack's refusal of concurrent requests for the same email
	 * @throws BankRejectedException when Billstack answers {@code status:false}, an HTTP
	 * 4xx, or an answer without an account
	 * @throws BillstackAuthenticationException when Billstack answers HTTP 401 or 403
	 */
	public VirtualAccount generateVirtualAccount(GenerateVirtualAccountRequest request) {
		try {
			return this.restClient.post()
				.uri(GENERATE_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(request)
				.exchange((clientRequest, response) -> classify(request, response.getStatusCode(),
						response.getHeaders(), readBody(response.getBody())), true);
		}
		catch (ResourceAccessException ex) {
			String cause = ex.getMostSpecificCause().getClass().getSimpleName();
			if (neverSent(ex)) {
				throw new TransientBillstackException(
						"Billstack unreachable for bank " + request.bank() + " (not sent): " + cause, ex);
			}
			// sent, and no answer: Billstack may have created the account
			throw new OutcomeUnknownException(request.bank(),
					"no answer from bank " + request.bank() + " (outcome unknown): " + cause, ex);
		}
	}

	/**
	 * Sends one made-up request the way {@link #generateVirtualAccount} sends it (the
	 * same HTTP client, JSON mapping and reading of the answer), but to a throwaway HTTP
	 * server on loopback in this process that answers as Billstack does, and without the
	 * secret key, so that the first run does not pay for loading and preparing all this.
	 * Billstack is not contacted.
	 * @return the account in the canned answer
	 * @throws IOException when the loopback server cannot be started
	 */
	public VirtualAccount warmUp() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext(GENERATE_PATH, (exchange) -> {
			exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
			byte[] body = WARM_UP_ANSWER.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		try {
			GenerateVirtualAccountRequest request = new GenerateVirtualAccountRequest("warm-up@example.com",
					"000000000000000000000000", "Ada", "Lovelace", "08000000000", "PALMPAY");
			URI uri = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
					+ GENERATE_PATH);
			return this.restClient.mutate()
				.defaultHeaders((headers) -> headers.remove(HttpHeaders.AUTHORIZATION))
				.build()
				.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(request)
				.exchange((clientRequest, response) -> classify(request, response.getStatusCode(),
						response.getHeaders(), readBody(response.getBody())), true);
		}
		finally {
			server.stop(0);
		}
	}

	/*
	 * Whether the failure happened before the request could reach Billstack: no
	 * connection was made. Anything else (a read timeout, a reset, a closed stream) may
	 * have come after Billstack received the request.
	 */
	static boolean neverSent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
					|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
	}

	private VirtualAccount classify(GenerateVirtualAccountRequest request, HttpStatusCode status, HttpHeaders headers,
			String body) {
		JsonNode json = parse(body);
		String message = (json != null) ? printable(json.path("message").asString("")) : "answer is not JSON";
		String where = "bank " + request.bank() + " answered HTTP " + status.value() + ": " + message;
		if (status.value() == 401 || status.value() == 403) {
			throw new BillstackAuthenticationException(
					"Billstack refused the secret key (HTTP " + status.value() + "): " + message);
		}
		if (status.value() == 429 || message.toLowerCase(Locale.ROOT).contains(TOO_MANY_REQUESTS_MESSAGE)) {
			throw new BillstackThrottledException(where, retryAfter(headers));
		}
		if (status.value() == 504 || status.value() == 524) {
			// a gateway gave up waiting for Billstack, which may still have created it
			throw new OutcomeUnknownException(request.bank(), where + " (outcome unknown)", null);
		}
		if (message.toLowerCase(Locale.ROOT).contains(CONCURRENT_REQUEST_MESSAGE)) {
			// another request for this customer is still being handled
			throw new OutcomeUnknownException(request.bank(), where + " (outcome unknown)", null);
		}
		if (status.is5xxServerError()) {
			throw new TransientBillstackException(where, null);
		}
		if (!status.is2xxSuccessful() || json == null || !isTrue(json.path("status"))) {
			throw new BankRejectedException(where);
		}
		return toAccount(request, json.path("data"), where);
	}

	/*
	 * The wait of a {@code Retry-After} header: delay-seconds or an HTTP date; null when
	 * absent or unreadable (the retry then uses its own backoff).
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(Long.parseLong(value.trim()), 0));
		}
		catch (NumberFormatException ex) {
			// not seconds: an HTTP date
		}
		try {
			long at = headers.getFirstDate(HttpHeaders.RETRY_AFTER);
			return (at < 0) ? null : Duration.ofMillis(Math.max(at - System.currentTimeMillis(), 0));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private VirtualAccount toAccount(GenerateVirtualAccountRequest request, JsonNode data, String where) {
		JsonNode account = data.path("account").path(0);
		String accountNumber = account.path("account_number").asString("");
		if (accountNumber.isBlank()) {
			throw new BankRejectedException(where + " (no account in the answer)");
		}
		String reference = data.path("reference").asString("");
		String bankName = account.path("bank_name").asString("");
		return new VirtualAccount(account.path("account_name").asString(""), accountNumber,
				reference.isBlank() ? request.reference() : reference, request.bank(),
				bankName.isBlank() ? request.bank() : bankName);
	}

	private @Nullable JsonNode parse(String body) {
		try {
			JsonNode node = this.jsonMapper.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean isTrue(JsonNode node) {
		return node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asString(""));
	}

	private static String readBody(InputStream body) throws IOException {
		return StreamUtils.copyToString(body, StandardCharsets.UTF_8);
	}

	/**
	 * Billstack's message as it may be logged and stored: emails and phone-length numbers
	 * it echoes from the request are masked, and the length is bounded.
	 * @param message the message as Billstack sent it
	 * @return the message, masked and at most {@value #MAX_MESSAGE_LENGTH} characters
	 * long
	 */
	static String printable(String message) {
		// bound the input first: masking cost grows with the length of a token
		String bounded = (message.length() > MAX_MESSAGE_LENGTH + 64) ? message.substring(0, MAX_MESSAGE_LENGTH + 64)
				: message;
		String masked = EMAIL.matcher(bounded).replaceAll("***");
		masked = NUMBER_RUN.matcher(masked)
			.replaceAll((match) -> (countDigits(match.group()) >= PHONE_DIGITS) ? "***"
					: Matcher.quoteReplacement(match.group()));
		return (masked.length() > MAX_MESSAGE_LENGTH) ? masked.substring(0, MAX_MESSAGE_LENGTH) + "…" : masked;
	}

	private static int countDigits(String text) {
		return (int) text.chars().filter(Character::isDigit).count();
	}

}
