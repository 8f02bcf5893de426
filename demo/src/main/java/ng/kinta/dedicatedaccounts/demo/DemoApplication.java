package ng.kinta.dedicatedaccounts.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import ng.kinta.dedicatedaccounts.batch.cli.BatchJobApplication;
import ng.kinta.dedicatedaccounts.trigger.TriggerFunctionApplication;

import org.springframework.boot.SpringApplication;

/**
 * {@code demo.jar}: everything on one machine with nothing installed, always on the
 * {@code demo} profile (stand-ins started by {@link DemoStandInsInitializer}).
 * <ul>
 * <li>{@code java -jar demo.jar [run [--dry-run] | restart [ID] | recover ID | executions
 * [--json]] [--name=value...]}: the command line of {@code batch-job.jar}, same commands,
 * options and exit codes;</li>
 * <li>{@code java -jar demo.jar trigger [test-cron [URL]] [--name=value...]}: the command
 * line of {@code trigger-function.jar}: the trigger web app, or {@code test-cron} signing
 * with the published demo keys.</li>
 * </ul>
 * The production jars hold neither the stand-ins nor this class.
 */
public final class DemoApplication {

	/** The first argument that selects the trigger instead of the job's command line. */
	static final String TRIGGER = "trigger";

	/** H2's system property for the address its servers (AUTO_SERVER's too) bind to. */
	static final String H2_BIND_ADDRESS = "h2.bindAddress";

	private DemoApplication() {
	}

	public static void main(String[] args) {
		// the demo's job repository is an H2 file with AUTO_SERVER (the job and the
		// trigger
		// may share it): H2 listens on every interface unless told otherwise
		if (System.getProperty(H2_BIND_ADDRESS) == null) {
			System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
		}
		if (args.length > 0 && TRIGGER.equals(args[0])) {
			run(args).ifPresent(System::exit);
			return;
		}
		// the job's command line: SIGTERM stops a run cleanly, as with batch-job.jar
		BatchJobApplication.runAndExit(args, DemoApplication::jobOnStandIns);
	}

	/**
	 * Runs the job's command line, or the trigger's when the first argument is
	 * {@value #TRIGGER}.
	 * @param args the program arguments
	 * @return the exit code; empty when the trigger web app was started and keeps running
	 */
	static OptionalInt run(String[] args) {
		if (args.length > 0 && TRIGGER.equals(args[0])) {
			return TriggerFunctionApplication.run(Arrays.copyOfRange(args, 1, args.length),
					DemoApplication::triggerOnStandIns);
		}
		return OptionalInt.of(BatchJobApplication.run(args, DemoApplication::jobOnStandIns));
	}

	private static void jobOnStandIns(SpringApplication application) {
		application.setAdditionalProfiles(DemoStandInsInitializer.PROFILE);
		// batch-job.yml holds the job's settings; the trigger's application.yml, also on
		// this classpath, is not for the command line
		application.setDefaultProperties(Map.of("spring.config.name", "batch-job"));
	}

	private static void triggerOnStandIns(SpringApplication application) {
		application.setAdditionalProfiles(DemoStandInsInitializer.PROFILE);
		application.addPrimarySources(List.of(DemoSigningKeysNotice.class));
	}

}
