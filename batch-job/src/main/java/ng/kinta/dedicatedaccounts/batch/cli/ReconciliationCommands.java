package ng.kinta.dedicatedaccounts.batch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code batch-job.jar reconciliation}: the users whose Billstack outcome the job cannot
 * settle, and an operator's resolution of one (docs/OPERATIONS.md, "Reconciliation").
 * Prints no personal data: users are named by id.
 */
class ReconciliationCommands {

	private static final int LISTED = 500;

	private final ProvisioningStateRepository provisioningState;

	private final JsonMapper jsonMapper;

	private final PrintStream out;

	ReconciliationCommands(ProvisioningStateRepository provisioningState, JsonMapper jsonMapper, PrintStream out) {
		this.provisioningState = provisioningState;
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
					this.provisioningState.resolveWithAccount(new ObjectId(command.userId()),
							new VirtualAccount(command.accountName(), command.accountNumber(), command.userId(),
									command.bank(), (command.bankName() != null) ? command.bankName() : command.bank()),
							command.by()),
					command.userId(),
					"account recorded; the next run writes its accounts document and emails the user");
			case "release" -> report(this.provisioningState.release(new ObjectId(command.userId()), command.by()),
					command.userId(), "released; the next run tries every bank afresh");
			case "dismiss" ->
				report(this.provisioningState.dismissConflictingAccounts(new ObjectId(command.userId()), command.by()),
						command.userId(), "second accounts dismissed; the recorded account stays");
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
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Document user : this.provisioningState.needingReconciliation(LISTED)) {
			rows.add(row(user));
		}
		if (json) {
			this.out.println(this.jsonMapper.writeValueAsString(rows));
			return ExitCodes.COMPLETED;
		}
		if (rows.isEmpty()) {
			this.out.println("No user needs reconciliation.");
			return ExitCodes.COMPLETED;
		}
		String format = "%-24s %-10s %-24s %-24s %s%n";
		this.out.printf(format, "USER", "BANK", "REFERENCE", "SENT AT", "REASON");
		for (Map<String, Object> row : rows) {
			this.out.printf(format, row.get("userId"), row.get("bank"), row.get("reference"), row.get("sentAt"),
					row.get("reason"));
		}
		this.out.println();
		this.out.println("Check each in Billstack's dashboard (reserved accounts, by reference or customer), then:");
		this.out.println("  reconciliation record USER --account-number N --bank BANK --account-name NAME");
		this.out.println("  reconciliation release USER      (no account exists: try again)");
		this.out.println("  reconciliation dismiss USER      (second accounts kept aside were dealt with)");
		return ExitCodes.COMPLETED;
	}

	private static Map<String, Object> row(Document user) {
		Document provisioning = (user.get("accountProvisioning") instanceof Document nested) ? nested : new Document();
		Document request = (provisioning.get("request") instanceof Document nested) ? nested : new Document();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("userId",
				(user.get("_id") instanceof ObjectId id) ? id.toHexString() : String.valueOf(user.get("_id")));
		row.put("state", provisioning.get("state"));
		row.put("bank", request.get("bank"));
		row.put("reference", request.get("reference"));
		row.put("sentAt", (request.get("sentAt") instanceof Date sentAt) ? sentAt.toInstant().toString() : null);
		row.put("reason", provisioning.get("reconciliationReason"));
		row.put("since",
				(provisioning.get("reconciliationSince") instanceof Date since) ? since.toInstant().toString() : null);
		row.put("conflictingAccounts",
				(provisioning.get("conflictingAccounts") instanceof List<?> accounts) ? accounts.size() : 0);
		return row;
	}

}
