package ng.kinta.dedicatedaccounts.batch.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ng.kinta.dedicatedaccounts.batch.job.GracefulStop;
import ng.kinta.dedicatedaccounts.batch.run.RunProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * SIGTERM (or Ctrl-C) during a command: the JVM shutdown hook asks the run to stop
 * cleanly and waits, up to a grace period, for the command to finish (summary printed,
 * application context closed); the process then exits with the command's exit code
 * ({@code 1} for a stopped run) instead of the signal's {@code 143}. Spring Boot's own
 * shutdown hook is off for the command line, so the context is not closed under the run.
 */
final class GracefulShutdown {

	private static final Logger logger = LoggerFactory.getLogger(GracefulShutdown.class);

	private final CountDownLatch finished = new CountDownLatch(1);

	private final AtomicReference<Runnable> stopRun = new AtomicReference<>();

	private volatile Duration gracePeriod = Duration.ofSeconds(45);

	private volatile boolean signalled;

	private volatile int exitCode = ExitCodes.FAILED;

	/** Registers the JVM shutdown hook. */
	void install() {
		Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "graceful-stop"));
	}

	/**
	 * Prepares the application for a clean stop: Spring Boot's own shutdown hook off (it
	 * would close the context under the running job), and the run's stop request handed
	 * to this hook once the context has started.
	 * @param application the command line's application, before it starts
	 */
	void prepare(SpringApplication application) {
		application.setRegisterShutdownHook(false);
		application.addListeners((ApplicationListener<ApplicationStartedEvent>) (started) -> onReady(
				started.getApplicationContext().getBean(GracefulStop.class)::requestShutdown,
				started.getApplicationContext().getBean(RunProperties.class).stopGracePeriod()));
	}

	/**
	 * The application is ready to run its command.
	 * @param stopRun asks the run in progress to stop
	 * @param gracePeriod how long a signal waits for the command to finish
	 */
	void onReady(Runnable stopRun, Duration gracePeriod) {
		this.gracePeriod = gracePeriod;
		this.stopRun.set(stopRun);
	}

	/**
	 * Ends the process with the command's exit code.
	 * @param exitCode the code
	 */
	void exit(int exitCode) {
		this.exitCode = exitCode;
		this.finished.countDown();
		if (this.signalled) {
			// the JVM is already shutting down: System.exit would block; the hook halts
			// with the same code, whichever of the two threads gets there first
			System.out.flush();
			System.err.flush();
			Runtime.getRuntime().halt(exitCode);
		}
		System.exit(exitCode);
	}

	private void onShutdown() {
		Runnable stop = this.stopRun.get();
		if (this.finished.getCount() == 0 || stop == null) {
			// a normal exit, or a signal before any run started
			return;
		}
		this.signalled = true;
		logger.warn("Stop requested by signal: the run takes no new users, finishes those in flight and ends "
				+ "STOPPED (waiting up to {})", this.gracePeriod);
		stop.run();
		try {
			if (!this.finished.await(this.gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.error("The run did not stop within {}; exiting anyway (recover it with `recover ID`)",
						this.gracePeriod);
				return;
			}
			// once this hook returns the JVM ends with the signal's code (143), possibly
			// before the main thread halts with the command's
			System.out.flush();
			System.err.flush();
			Runtime.getRuntime().halt(this.exitCode);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
