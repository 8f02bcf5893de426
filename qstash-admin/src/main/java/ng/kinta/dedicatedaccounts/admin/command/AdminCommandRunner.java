package ng.kinta.dedicatedaccounts.admin.command;

import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * Runs the command parsed by {@link AdminCommandLine} when the application was started
 * without a web server, and hands its exit code to {@code SpringApplication.exit}. Does
 * nothing when there is no command.
 */
@Component
@ConditionalOnNotWebApplication
class AdminCommandRunner implements ApplicationRunner, ExitCodeGenerator {

	private final AdminCommands commands;

	private final ObjectProvider<AdminCommand> command;

	private int exitCode = AdminCommands.OK;

	AdminCommandRunner(QstashSchedulesClient schedules, ScheduleProperties scheduleProperties, JsonMapper jsonMapper,
			ObjectProvider<AdminCommand> command) {
		this.commands = new AdminCommands(schedules, scheduleProperties, jsonMapper);
		this.command = command;
	}

	@Override
	public void run(ApplicationArguments args) {
		// The command line's result is the program's output: System.out on purpose.
		this.command.ifAvailable((command) -> this.exitCode = this.commands.run(command, System.out, System.err));
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
