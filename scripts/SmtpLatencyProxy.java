import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Benchmark tooling, not part of the application: a TCP proxy on loopback that holds every
 * new connection for a fixed delay before connecting it to the SMTP server behind it, so
 * the client waits that long for the server's greeting, as with a distant relay doing TLS
 * and a login. Prints the number of connections when stopped.
 * <p>
 * Run with the JDK's single-file launcher:
 * {@code java scripts/SmtpLatencyProxy.java LISTEN_PORT TARGET_PORT DELAY_MS}
 */
public class SmtpLatencyProxy {

	public static void main(String[] args) throws IOException {
		int listenPort = Integer.parseInt(args[0]);
		int targetPort = Integer.parseInt(args[1]);
		long delayMillis = Long.parseLong(args[2]);
		int[] connections = { 0 };
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> System.out.println("connections=" + connections[0])));
		try (ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress())) {
			System.out.println("listening on " + listenPort + " -> " + targetPort + ", delay " + delayMillis + " ms");
			while (true) {
				Socket client = server.accept();
				synchronized (connections) {
					connections[0]++;
				}
				Thread session = new Thread(() -> relay(client, targetPort, delayMillis));
				session.setDaemon(true);
				session.start();
			}
		}
	}

	private static void relay(Socket client, int targetPort, long delayMillis) {
		try {
			Thread.sleep(delayMillis);
			Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
			Thread up = new Thread(() -> pump(client, target));
			up.setDaemon(true);
			up.start();
			pump(target, client);
		}
		catch (IOException | InterruptedException ex) {
			close(client);
		}
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			close(from);
			close(to);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
