package ng.kinta.dedicatedaccounts.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An in-process SMTP server (GreenMail) on loopback that keeps and counts what it
 * receives.
 */
final class DemoSmtp implements AutoCloseable {

	private final GreenMail greenMail;

	private DemoSmtp(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	/**
	 * Starts the server.
	 * @param port the TCP port, or 0 for any free port
	 * @return the running server
	 */
	static DemoSmtp start(int port) {
		ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		GreenMail greenMail = new GreenMail((port == 0) ? setup.dynamicPort() : setup);
		greenMail.start();
		return new DemoSmtp(greenMail);
	}

	int port() {
		return this.greenMail.getSmtp().getPort();
	}

	int receivedCount() {
		return this.greenMail.getReceivedMessages().length;
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

}
