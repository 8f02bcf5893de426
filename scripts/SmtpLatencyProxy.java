import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Benchmark tooling, not part of the application: a TCP proxy on loopback that holds every
 * new connection for a fixed delay before connecting it to the SMTP server behind it, so
 * the client waits that long for the server's greeting, as with a distant relay doing TLS
 * and a login; and, optionally, delays everything the server sends by a fixed time (each
 * reply arrives that much later, as from a relay that far away: one round trip per
 * command, since Angus Mail does not pipeline). Prints the number of connections when
 * stopped.
 * <p>
 * Run with the JDK's single-file launcher:
 * {@code java scripts/SmtpLatencyProxy.java LISTEN_PORT TARGET_PORT DELAY_MS [REPLY_DELAY_MS]}
 */
public class SmtpLatencyProxy {

	public static void main(String[] args) throws IOException {
		int listenPort = Integer.parseInt(args[0]);
		int targetPort = Integer.parseInt(args[1]);
		long delayMillis = Long.parseLong(args[2]);
		long replyDelayMillis = (args.length > 3) ? Long.parseLong(args[3]) : 0;
		int[] connections = { 0 };
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> System.out.println("connections=" + connections[0])));
		try (ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress())) {
			System.out.println("listening on " + listenPort + " -> " + targetPort + ", delay " + delayMillis
					+ " ms, reply delay " + replyDelayMillis + " ms");
			while (true) {
				Socket client = server.accept();
				synchronized (connections) {
					connections[0]++;
				}
				Thread session = new Thread(() -> relay(client, targetPort, delayMillis, replyDelayMillis));
				session.setDaemon(true);
				session.start();
			}
		}
	}

	private static void relay(Socket client, int targetPort, long delayMillis, long replyDelayMillis) {
		try {
			Thread.sleep(delayMillis);
			Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
			target.setTcpNoDelay(true);
			client.setTcpNoDelay(true);
			Thread up = new Thread(() -> pump(client, target));
			up.setDaemon(true);
			up.start();
			if (replyDelayMillis > 0) {
				delayedPump(target, client, replyDelayMillis);
			}
			else {
				pump(target, client);
			}
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

	/*
	 * Forwards each chunk the server sends once it is delayMillis old: replies keep their
	 * order and arrive delayMillis later, however many are on the way.
	 */
	private static void delayedPump(Socket from, Socket to, long delayMillis) {
		BlockingQueue<Object[]> chunks = new LinkedBlockingQueue<>();
		byte[] end = new byte[0];
		Thread writer = new Thread(() -> {
			try (OutputStream out = to.getOutputStream()) {
				while (true) {
					Object[] chunk = chunks.take();
					long wait = (long) chunk[0] - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
					byte[] bytes = (byte[]) chunk[1];
					if (bytes == end) {
						return;
					}
					out.write(bytes);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side closed
			}
			finally {
				close(from);
				close(to);
			}
		});
		writer.setDaemon(true);
		writer.start();
		try (InputStream in = from.getInputStream()) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				chunks.add(new Object[] { System.nanoTime() + delayMillis * 1_000_000, Arrays.copyOf(buffer, read) });
			}
		}
		catch (IOException ex) {
			// one side closed
		}
		chunks.add(new Object[] { System.nanoTime() + delayMillis * 1_000_000, end });
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
