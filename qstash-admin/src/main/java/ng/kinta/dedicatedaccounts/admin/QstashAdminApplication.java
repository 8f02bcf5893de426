package ng.kinta.dedicatedaccounts.admin;

import ng.kinta.dedicatedaccounts.admin.command.AdminCommandLine;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point. With a command ({@code init-cron}, {@code list}, {@code delete ID}, …) it
 * runs without the web server, prints the result and exits 0 (success), 1 (QStash failed)
 * or 2 (usage or configuration error). Without one it serves
 * {@code POST /api/cron/manage}. See {@link AdminCommandLine}.
 */
@SpringBootApplication
public class QstashAdminApplication {

	public static void main(String[] args) {
		AdminCommandLine.run(args, QstashAdminApplication.class).ifPresent(System::exit);
	}

}
