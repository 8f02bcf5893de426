package ng.kinta.dedicatedaccounts.batch.job;

import org.springframework.stereotype.Component;

/**
 * A request, from outside the job, that the run in this process stops cleanly: the
 * provisioning step takes no new users and ends {@code STOPPED}, and users whose
 * Billstack request was not sent yet are released with nothing recorded against them (the
 * next run, or a restart, takes them). Set on SIGTERM and when the application shuts
 * down; cleared when a run starts.
 */
@Component
public class GracefulStop {

	private volatile boolean requested;

	private volatile boolean runActive;

	/**
	 * Asks the running job, if any, to stop at the next user.
	 * @return whether a run was in progress in this process
	 */
	public boolean request() {
		this.requested = true;
		return this.runActive;
	}

	/**
	 * Whether a stop was asked for since the run started.
	 * @return {@code true} once {@link #request()} was called
	 */
	public boolean isRequested() {
		return this.requested;
	}

	/** A run starts in this process: forgets any earlier request. */
	public void runStarting() {
		this.requested = false;
		this.runActive = true;
	}

	/** The run in this process ended. */
	public void runEnded() {
		this.runActive = false;
	}

}
