package ng.kinta.dedicatedaccounts.batch.run;

import ng.kinta.dedicatedaccounts.batch.job.GracefulStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Asks the run in this process to stop cleanly when the application shuts down (SIGTERM
 * to the trigger, a Kubernetes rollout), and holds the shutdown until the run has ended.
 * Its phase is the highest, so it stops before the web server's graceful shutdown waits
 * for the request that runs the job: that request then ends with a {@code STOPPED} run,
 * which a redelivery restarts. A run that would start later in this process stops before
 * it takes a user.
 */
@Component
class RunStopper implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RunStopper.class);

	private final GracefulStop gracefulStop;

	private volatile boolean running;

	RunStopper(GracefulStop gracefulStop) {
		this.gracefulStop = gracefulStop;
	}

	@Override
	public void start() {
		this.running = true;
		this.gracefulStop.resume();
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	/**
	 * Asks the run to stop and tells the context once it has ended, its requests in
	 * flight answered and its lease released; the context's shutdown phase waits for that
	 * ({@code spring.lifecycle.timeout-per-shutdown-phase}, set above the worst case of a
	 * run's stop: read timeout × attempts, plus a chunk's writes).
	 */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		if (this.gracefulStop.requestShutdown()) {
			logger.warn("Shutting down: the run in progress takes no new users, waits for the Billstack requests"
					+ " in flight and ends STOPPED");
		}
		this.gracefulStop.whenNoRunActive(callback);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
