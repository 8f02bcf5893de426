package ng.kinta.dedicatedaccounts.batch.cli;

import java.io.PrintStream;
import java.util.List;

import ng.kinta.dedicatedaccounts.batch.explain.ReconciliationQueue;
import ng.kinta.dedicatedaccounts.batch.explain.ReconciliationQueue.WaitingUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code batch-job.jar reconciliation}: the users whose Billstack outcome the job cannot
 * settle, and an operator's resolution of one (docs/OPERATIONS.md, "Reconciliation").
 * Prints no personal data: users are named by id.
 */
class ReconciliationCommands {

	private static final int LISTED = 500;

	private final ReconciliationQueue queue;

	private final JsonMapper jsonMapper;

	private final PrintStream out;

	ReconciliationCommands(ReconciliationQueue queue, JsonMapper jsonMapper, PrintStream out) {
		this.queue = queue;
		this.jsonMapper = jsonMapper;
		this.out = out;
	}

	/**
	 * Carries out one reconciliation command.
	 * @param command what was asked
	 * @param json whether a list is printed as JSON
	 * @return the exit code: 0 done, 1 the user was not waiting for this resolution
	 */
	int execute(Command.Reconciliation command, boolean json) {
		return switch (command.action()) {
			case "list" -> list(json);
			case "record" -> report(
					this.queue.recordAccount(command.userId(),
							new ReconciliationQueue.FoundAccount(command.accountNumber(), command.bank(),
									command.bankName(), command.accountName()),
							command.by()),
					command.userId(),
					"account recorded; the next run writes its accounts document and emails the user");
			case "release" -> report(this.queue.release(command.userId(), command.by()), command.userId(),
					"released; the next run tries every bank afresh");
			case "dismiss" -> report(this.queue.dismiss(command.userId(), command.by()), command.userId(),
					"second accounts dismissed; the recorded account stays");
			default -> throw new IllegalArgumentException("Unknown reconciliation action: " + command.action());
		};
	}

	private int report(boolean done, String userId, String what) {
		if (done) {
			this.out.println("User " + userId + ": " + what + ".");
			return ExitCodes.COMPLETED;
		}
		this.out.println("User " + userId + " is not waiting for this resolution (see `reconciliation list`);"
				+ " nothing changed.");
		return ExitCodes.FAILED;
	}

	private int list(boolean json) {
		List<WaitingUser> users = this.queue.waiting(LISTED);
		if (json) {
			this.out.println(this.jsonMapper.writeValueAsString(users));
			return ExitCodes.COMPLETED;
		}
		if (users.isEmpty()) {
			this.out.println("No user needs reconciliation.");
			return ExitCodes.COMPLETED;
		}
		String format = "%-24s %-10s %-24s %-24s %s%n";
		this.out.printf(format, "USER", "BANK", "REFERENCE", "SENT AT", "REASON");
		for (WaitingUser user : users) {
			this.out.printf(format, user.userId(), user.bank(), user.reference(), user.sentAt(), user.reason());
		}
		this.out.println();
		this.out.println(ReconciliationQueue.WHAT_TO_CHECK + " Then:");
		this.out.println("  reconciliation record USER --account-number N --bank BANK --account-name NAME");
		this.out.println("  reconciliation release USER      (no account exists: try again)");
		this.out.println("  reconciliation dismiss USER      (second accounts kept aside were dealt with)");
		return ExitCodes.COMPLETED;
	}

}
