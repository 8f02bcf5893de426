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

	static DemoSmtp start() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
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
