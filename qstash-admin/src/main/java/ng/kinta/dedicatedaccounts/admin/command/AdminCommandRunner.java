package ng.kinta.dedicatedaccounts.admin.command;

import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * Runs the command named by the first non-option argument when the application was
 * started without a web server, and hands its exit code to
 * {@code SpringApplication.exit}. Does nothing when there is no command.
 */
@Component
@ConditionalOnNotWebApplication
class AdminCommandRunner implements ApplicationRunner, ExitCodeGenerator {

	private final AdminCommands commands;

	private int exitCode = AdminCommands.OK;

	AdminCommandRunner(QstashSchedulesClient schedules, ScheduleProperties scheduleProperties) {
		this.commands = new AdminCommands(schedules, scheduleProperties);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().isEmpty()) {
			// The command line's result is the program's output: System.out on purpose.
			this.exitCode = this.commands.run(args.getNonOptionArgs(), System.out, System.err);
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
