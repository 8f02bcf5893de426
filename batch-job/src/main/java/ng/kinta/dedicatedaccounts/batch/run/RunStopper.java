package ng.kinta.dedicatedaccounts.batch.run;

import ng.kinta.dedicatedaccounts.batch.job.GracefulStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Asks the run in this process to stop cleanly when the application shuts down (SIGTERM
 * to the trigger, a Kubernetes rollout). Its phase is the highest, so it stops before the
 * web server's graceful shutdown waits for the request that runs the job: that request
 * then ends quickly with a {@code STOPPED} run, which a redelivery restarts.
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
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.gracefulStop.request()) {
			logger.warn("Shutting down: the run in progress takes no new users and ends STOPPED");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
