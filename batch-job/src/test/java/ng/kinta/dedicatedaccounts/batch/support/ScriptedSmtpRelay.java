package ng.kinta.dedicatedaccounts.batch.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An SMTP relay on loopback whose failures a test scripts, for what GreenMail cannot do:
 * accept connections and never greet, refuse every login (535), refuse chosen recipients
 * (550 5.1.1), answer 421, cap the messages per connection (a hang-up, or 452 or 421 to
 * the next {@code MAIL FROM}). It counts connections, logins and recipients, so tests can
 * assert how often the job came back. Speaks just enough SMTP (RFC 5321) for JavaMail.
 */
public final class ScriptedSmtpRelay implements AutoCloseable {

	/** How the relay behaves towards new connections. */
	public enum Mode {

		/** Greets, accepts logins and mail. */
		ACCEPT,

		/** Accepts the TCP connection and never says a word. */
		HANG,

		/** Greets, then refuses every login with 535. */
		REFUSE_LOGIN,

		/** Answers the connection with 421 and closes it. */
		UNAVAILABLE

	}

	private final ServerSocket server;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Set<String> refusedRecipients = ConcurrentHashMap.newKeySet();

	private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

	private final List<String> recipientAttempts = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger logins = new AtomicInteger();

	private final AtomicInteger quits = new AtomicInteger();

	private volatile Mode mode = Mode.ACCEPT;

	private volatile int messagesPerConnection = Integer.MAX_VALUE;

	/** 0: hang up once the cap is reached; otherwise the reply to the next MAIL FROM. */
	private volatile int capReply;

	private final AtomicInteger capped = new AtomicInteger();

	private ScriptedSmtpRelay(ServerSocket server) {
		this.server = server;
		Thread acceptor = new Thread(this::acceptConnections, "scripted-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Starts a relay on a free loopback port.
	 * @return the relay
	 */
	public static ScriptedSmtpRelay start() {
		try {
			return new ScriptedSmtpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points the job's mail settings at this relay, with a login (as Brevo requires). The
	 * Spring names win over the {@code SMTP_*} names a base class may set.
	 * @param registry the test's dynamic properties
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", this::port);
		registry.add("spring.mail.username", () -> "relay-user");
		registry.add("spring.mail.password", () -> "relay-password");
		registry.add("spring.mail.properties[mail.smtp.auth]", () -> "true");
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Changes the behaviour for new connections, closes the open ones and forgets the
	 * counts.
	 * @param mode the behaviour
	 * @param refused recipients answered with {@code 550 5.1.1}
	 */
	public void reset(Mode mode, String... refused) {
		this.mode = mode;
		closeSockets();
		this.refusedRecipients.clear();
		this.refusedRecipients.addAll(List.of(refused));
		this.delivered.clear();
		this.recipientAttempts.clear();
		this.connections.set(0);
		this.logins.set(0);
		this.quits.set(0);
		this.capped.set(0);
		this.messagesPerConnection = Integer.MAX_VALUE;
		this.capReply = 0;
	}

	/**
	 * Makes the relay hang up, without a word, after accepting this many messages on one
	 * connection (as relays that limit messages per connection do).
	 * @param messages messages per connection
	 */
	public void hangUpAfter(int messages) {
		this.messagesPerConnection = messages;
		this.capReply = 0;
	}

	/**
	 * Makes the relay refuse more than this many messages on one connection: the next
	 * {@code MAIL FROM} is answered with {@code 452 4.5.3} (the connection stays open and
	 * refuses every further message) or {@code 421 4.7.0} (then the relay closes it).
	 * @param messages messages per connection
	 * @param reply 452 or 421
	 */
	public void capMessagesPerConnection(int messages, int reply) {
		this.messagesPerConnection = messages;
		this.capReply = reply;
	}

	/** Replies sent because a connection reached its message cap. */
	public int capped() {
		return this.capped.get();
	}

	/**
	 * Changes the behaviour for new connections, keeping the counts.
	 * @param mode the behaviour
	 */
	public void switchTo(Mode mode) {
		this.mode = mode;
		closeSockets();
	}

	/** TCP connections accepted. */
	public int connections() {
		return this.connections.get();
	}

	/** {@code AUTH} commands received. */
	public int logins() {
		return this.logins.get();
	}

	/** {@code QUIT} commands received: connections the client closed properly. */
	public int quits() {
		return this.quits.get();
	}

	/** Recipients of the messages the relay accepted, one entry per message. */
	public List<String> delivered() {
		return List.copyOf(this.delivered);
	}

	/** Every {@code RCPT TO} address received, accepted or not. */
	public List<String> recipientAttempts() {
		return List.copyOf(this.recipientAttempts);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		closeSockets();
	}

	private void closeSockets() {
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.sockets.clear();
	}

	private void acceptConnections() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.incrementAndGet();
				this.sockets.add(socket);
				Thread session = new Thread(() -> serve(socket, this.mode), "scripted-smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket socket, Mode mode) {
		if (mode == Mode.HANG) {
			return;
		}
		try (socket) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			if (mode == Mode.UNAVAILABLE) {
				reply(out, "421 4.3.2 Service not available, closing transmission channel");
				return;
			}
			reply(out, "220 relay.test ESMTP scripted");
			List<String> recipients = new ArrayList<>();
			int accepted = 0;
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO")) {
					reply(out, "250-relay.test\r\n250-AUTH PLAIN\r\n250 8BITMIME");
				}
				else if (command.startsWith("MAIL FROM") && accepted >= this.messagesPerConnection) {
					this.capped.incrementAndGet();
					if (this.capReply == 421) {
						reply(out, "421 4.7.0 Too many messages on this connection, closing transmission channel");
						return;
					}
					reply(out, "452 4.5.3 Too many messages on this connection, try again later");
				}
				else if (command.startsWith("HELO") || command.startsWith("NOOP") || command.startsWith("MAIL FROM")) {
					reply(out, "250 2.0.0 Ok");
				}
				else if (command.startsWith("AUTH")) {
					this.logins.incrementAndGet();
					if (line.trim().split(" ").length < 3) {
						reply(out, "334 ");
						in.readLine();
					}
					reply(out, (mode == Mode.REFUSE_LOGIN) ? "535 5.7.8 Authentication credentials invalid"
							: "235 2.7.0 Authentication successful");
				}
				else if (command.startsWith("RCPT TO")) {
					String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
					this.recipientAttempts.add(address);
					if (this.refusedRecipients.contains(address)) {
						reply(out, "550 5.1.1 Recipient address rejected: User unknown");
					}
					else {
						recipients.add(address);
						reply(out, "250 2.1.5 Ok");
					}
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					String data;
					while ((data = in.readLine()) != null && !data.equals(".")) {
						// the message body is not kept
					}
					this.delivered.addAll(recipients);
					recipients.clear();
					reply(out, "250 2.0.0 Ok: queued");
					if (++accepted >= this.messagesPerConnection && this.capReply == 0) {
						return;
					}
				}
				else if (command.startsWith("RSET")) {
					recipients.clear();
					reply(out, "250 2.0.0 Ok");
				}
				else if (command.startsWith("QUIT")) {
					this.quits.incrementAndGet();
					reply(out, "221 2.0.0 Bye");
					return;
				}
				else {
					reply(out, "502 5.5.2 Error: command not recognized");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
