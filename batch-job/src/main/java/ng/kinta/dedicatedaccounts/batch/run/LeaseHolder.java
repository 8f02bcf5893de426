package ng.kinta.dedicatedaccounts.batch.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * @param token unique to one acquisition of the lease (a new {@code ObjectId})
 * @param purpose what the holder does: {@code new run}, {@code restart of 12}, ...
 */
record LeaseHolder(String host, long pid, @Nullable Instant processStartedAt, String token, String purpose) {

	private static final String HOST = hostName();

	private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

	/**
	 * This process, about to take the lease.
	 * @param purpose what it is going to do
	 * @return a holder with a new token
	 */
	static LeaseHolder thisProcess(String purpose) {
		ProcessHandle self = ProcessHandle.current();
		return new LeaseHolder(HOST, self.pid(), self.info().startInstant().orElse(null), new ObjectId().toHexString(),
				purpose);
	}

	/**
	 * Whether this holder is provably gone: it ran on this host, and no process with its
	 * id (and start time) exists any more. A holder on another host is never provably
	 * gone; its lease must lapse.
	 * @return {@code true} when the holder's process has ended
	 */
	boolean isGoneFromThisHost() {
		if (!HOST.equals(this.host)) {
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
