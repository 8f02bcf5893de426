package ng.kinta.dedicatedaccounts.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * In-process WireMock servers for the trigger's tests (Billstack, QStash, a webhook), on
 * loopback, and the Billstack answer that creates an account at PALMPAY for whoever is
 * asked (the reference and the names echoed from the request, a random account number).
 */
public final class StandIns {

	/** Billstack's "generate virtual account" path (docs/BILLSTACK.md). */
	public static final String GENERATE_PATH = "/v2/thirdparty/generateVirtualAccount/";

	private StandIns() {
	}

	/**
	 * A started WireMock server with no stubs.
	 * @return the server; stop it when done
	 */
	public static WireMockServer startWireMock() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		return server;
	}

	/**
	 * A started WireMock server that creates an account for every request.
	 * @return the server; stop it when done
	 */
	public static WireMockServer startBillstackCreatingAccounts() {
		WireMockServer server = startWireMock();
		createBillstackAccounts(server);
		return server;
	}

	/**
	 * Makes a server create an account for every request.
	 * @param server the server
	 */
	public static void createBillstackAccounts(WireMockServer server) {
		server.stubFor(WireMock.post(WireMock.urlPathEqualTo(GENERATE_PATH)).willReturn(billstackAccountCreated()));
	}

	/**
	 * Billstack's success answer, templated from the request.
	 * @return the answer
	 */
	public static ResponseDefinitionBuilder billstackAccountCreated() {
		return WireMock.aResponse()
			.withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"status":true,"message":"Account created","data":{"reference":"{{jsonPath request.body '$.reference'}}",
							"account":[{"account_number":"91{{randomValue length=8 type='NUMERIC'}}","account_name":"Kinta-{{jsonPath request.body '$.firstName'}}",
							"bank_name":"PALMPAY Bank","bank_id":"PALMPAY","created_at":"2026-11-29 10:00:00"}],
							"meta":{"firstName":"{{jsonPath request.body '$.firstName'}}","lastName":"{{jsonPath request.body '$.lastName'}}",
							"email":"{{jsonPath request.body '$.email'}}"}}}""")
			.withTransformers("response-template");
	}

}
