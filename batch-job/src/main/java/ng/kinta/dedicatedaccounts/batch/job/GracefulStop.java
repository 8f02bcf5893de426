package ng.kinta.dedicatedaccounts.batch.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A request that the run in this process stops cleanly: the provisioning step takes no
 * new users and ends {@code STOPPED}, and users whose Billstack request was not sent yet
 * are released with nothing recorded against them (the next run, or a restart, takes
 * them).
 * <p>
 * Two kinds: {@link #requestShutdown()} (SIGTERM, the application shutting down) holds
 * for the rest of the process, so a run that starts after it, or while it is asked, stops
 * at once; {@link #request()} (the run lost its lease, MongoDB refused to record an
 * account) holds for the current run only.
 */
@Component
public class GracefulStop {

	private volatile boolean shuttingDown;

	private volatile boolean runStopRequested;

	private volatile boolean runActive;

	private final List<Runnable> onRunEnded = new ArrayList<>();

	/**
	 * Asks the running job, if any, to stop at the next user.
	 * @return whether a run was in progress in this process
	 */
	public boolean request() {
		this.runStopRequested = true;
		return this.runActive;
	}

	/**
	 * Asks the running job to stop, and every later run in this process to stop before it
	 * takes a user.
	 * @return whether a run was in progress in this process
	 */
	public boolean requestShutdown() {
		this.shuttingDown = true;
		return this.runActive;
	}

	/**
	 * The application started again (its lifecycle restarted): runs may proceed.
	 */
	public void resume() {
		this.shuttingDown = false;
	}

	/**
	 * Whether the run should stop.
	 * @return {@code true} once either kind of stop was asked for this run
	 */
	public boolean isRequested() {
		return this.shuttingDown || this.runStopRequested;
	}

	/**
	 * Whether the process is shutting down.
	 * @return {@code true} once {@link #requestShutdown()} was called
	 */
	public boolean isShuttingDown() {
		return this.shuttingDown;
	}

	/**
	 * Whether a run is in progress in this process.
	 * @return {@code true} between {@link #runStarting()} and {@link #runEnded()}
	 */
	public boolean isRunActive() {
		return this.runActive;
	}

	/**
	 * A run starts in this process: forgets the previous run's stop, never a shutdown.
	 */
	public void runStarting() {
		this.runStopRequested = false;
		this.runActive = true;
	}

	/**
	 * The run in this process ended: its requests in flight have their answers and its
	 * lease is released.
	 */
	public void runEnded() {
		List<Runnable> callbacks;
		synchronized (this.onRunEnded) {
			this.runActive = false;
			callbacks = List.copyOf(this.onRunEnded);
			this.onRunEnded.clear();
		}
		callbacks.forEach(Runnable::run);
	}

	/**
	 * Calls {@code callback} once no run is in progress: at once when none is, else when
	 * the run ends.
	 * @param callback what to call, on the thread that ends the run
	 */
	public void whenNoRunActive(Runnable callback) {
		synchronized (this.onRunEnded) {
			if (this.runActive) {
				this.onRunEnded.add(callback);
				return;
			}
		}
		callback.run();
	}

}
