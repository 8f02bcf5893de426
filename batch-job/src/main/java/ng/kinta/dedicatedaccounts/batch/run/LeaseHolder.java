package ng.kinta.dedicatedaccounts.batch.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The process holding the run lease: enough for an operator to find it, and for a process
 * on the same host to prove that it is gone.
 *
 * @param host host name of the holder (in Kubernetes, the pod name)
 * @param pid operating-system process id of the holder on that host
 * @param processStartedAt when that process started, or {@code null} where the platform
 * does not tell; tells a reused process id apart
 * @param bootId the machine's boot id ({@code /proc/sys/kernel/random/boot_id}), or
 * {@code null} where the platform does not tell
 * @param pidNamespace the holder's PID namespace ({@code /proc/self/ns/pid}), or
 * {@code null} where the platform does not tell
 * @param token unique to one acquisition of the lease (a new {@code ObjectId})
 * @param purpose what the holder does: {@code new run}, {@code restart of 12}, ...
 */
record LeaseHolder(String host, long pid, @Nullable Instant processStartedAt, @Nullable String bootId,
		@Nullable String pidNamespace, String token, String purpose) {

	private static final String HOST = hostName();

	/** This machine's boot: two containers with one host name on two machines differ. */
	private static final @Nullable String BOOT_ID = read(Path.of("/proc/sys/kernel/random/boot_id"));

	/** This process's PID namespace: process ids mean something only within it. */
	private static final @Nullable String PID_NAMESPACE = link(Path.of("/proc/self/ns/pid"));

	private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

	/**
	 * This process, about to take the lease.
	 * @param purpose what it is going to do
	 * @return a holder with a new token
	 */
	static LeaseHolder thisProcess(String purpose) {
		ProcessHandle self = ProcessHandle.current();
		return new LeaseHolder(HOST, self.pid(), self.info().startInstant().orElse(null), BOOT_ID, PID_NAMESPACE,
				new ObjectId().toHexString(), purpose);
	}

	/**
	 * Whether this holder is provably gone: it ran on this very machine (same host name
	 * and boot id) in this PID namespace, and no process with its id (and start time)
	 * exists any more. Without that proof (another host, a fixed host name on another
	 * machine, host networking with another PID namespace, a platform that does not tell)
	 * the holder is never provably gone; its lease must lapse.
	 * @return {@code true} when the holder's process has ended
	 */
	boolean isGoneFromThisHost() {
		if (!HOST.equals(this.host) || BOOT_ID == null || PID_NAMESPACE == null || !BOOT_ID.equals(this.bootId)
				|| !PID_NAMESPACE.equals(this.pidNamespace)) {
			return false;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(this.pid);
		if (process.isEmpty() || !process.get().isAlive()) {
			return true;
		}
		Instant started = process.get().info().startInstant().orElse(null);
		// the same id with another start time is a new process that reused the id (a
		// restarted container's PID 1, say); the stored time is rounded to milliseconds
		return this.processStartedAt != null && started != null
				&& Duration.between(started, this.processStartedAt).abs().compareTo(START_TIME_TOLERANCE) > 0;
	}

	/**
	 * A one-line description for operators.
	 * @return host, process id and purpose
	 */
	String describe() {
		return this.purpose + " on host " + this.host + " (pid " + this.pid + ")";
	}

	private static @Nullable String read(Path file) {
		try {
			return Files.readString(file).trim();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String link(Path file) {
		try {
			return Files.readSymbolicLink(file).toString();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String fallback = System.getenv("HOSTNAME");
			return (fallback != null) ? fallback : "unknown-host";
		}
	}

}
