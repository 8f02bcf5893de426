package ng.kinta.dedicatedaccounts.batch.cli;

import java.io.PrintStream;
import java.util.Optional;

import ng.kinta.dedicatedaccounts.batch.explain.UserExplainer;
import ng.kinta.dedicatedaccounts.batch.explain.UserExplanation;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code batch-job.jar explain USER [--json]}: why a user has (or has not) a dedicated
 * account, for the support desk (docs/OPERATIONS.md, "Explain a user"). The email and
 * phone are masked; nothing is logged.
 */
class ExplainCommand {

	private final UserExplainer explainer;

	private final JsonMapper jsonMapper;

	private final PrintStream out;

	ExplainCommand(UserExplainer explainer, JsonMapper jsonMapper, PrintStream out) {
		this.explainer = explainer;
		this.jsonMapper = jsonMapper;
		this.out = out;
	}

	/**
	 * Explains one user.
	 * @param idOrEmail the user's id or email
	 * @param json whether to print JSON
	 * @return {@link ExitCodes#COMPLETED}, or {@link ExitCodes#NO_SUCH_USER}
	 */
	int execute(String idOrEmail, boolean json) {
		Optional<UserExplanation> found = this.explainer.explain(idOrEmail);
		if (found.isEmpty()) {
			// the argument may be an email: not echoed
			this.out.println("No such user (no user has this id or email).");
			return ExitCodes.NO_SUCH_USER;
		}
		UserExplanation user = found.get();
		if (json) {
			this.out.println(this.jsonMapper.writeValueAsString(user));
			return ExitCodes.COMPLETED;
		}
		this.out.println("User " + user.userId() + "  email " + orDash(user.maskedEmail()) + "  phone "
				+ orDash(user.maskedPhone()));
		this.out.println(user.verdict());
		this.out.println();
		UserExplanation.Eligibility eligibility = user.eligibility();
		this.out.println("Eligibility: " + (eligibility.eligible() ? "eligible" : "not eligible"));
		this.out.println("  active: " + yesNo(eligibility.active()) + " (status " + orDash(eligibility.status()) + ")"
				+ ", email verified: " + yesNo(eligibility.emailVerified()) + ", owns an account: "
				+ yesNo(eligibility.ownsAccount()) + ((eligibility.accountDocumentId() != null)
						? " (accounts " + eligibility.accountDocumentId() + ")" : ""));
		eligibility.reasons().forEach((reason) -> this.out.println("  - " + reason));
		UserExplanation.JobState job = user.job();
		this.out.println("Job state: " + orDash(job.state()) + " - " + job.meaning());
		this.out.println("  failed attempts: " + job.failedAttempts() + ", next attempt: " + orDash(job.nextAttemptAt())
				+ ", last error: " + orDash(job.lastError()));
		if (job.unusableRecord() != null) {
			this.out.println("  unusable record: " + job.unusableRecord());
		}
		if (job.claim() != null) {
			this.out.println("  claimed by run " + job.claim().claimToken() + " at " + orDash(job.claim().claimedAt())
					+ ((job.claim().jobExecutionId() != null) ? " (job execution " + job.claim().jobExecutionId() + ")"
							: ""));
		}
		if (job.requestOut() != null) {
			this.out.println(
					"  last request: bank " + job.requestOut().bank() + ", reference " + job.requestOut().reference()
							+ ", sent " + orDash(job.requestOut().sentAt()) + ((job.unknownRetries() > 0)
									? ", repeated " + job.unknownRetries() + "x after a lost answer" : ""));
		}
		if (job.reconciliationReason() != null) {
			this.out.println("  waits for an operator since " + orDash(job.reconciliationSince()) + ": "
					+ job.reconciliationReason());
		}
		if (job.conflictingAccounts() > 0) {
			this.out.println("  second accounts kept aside: " + job.conflictingAccounts());
		}
		if (user.account() != null) {
			this.out.println("Account: " + user.account().accountNumber() + " at " + user.account().bankName() + " ("
					+ user.account().accountName() + ")");
		}
		if (user.email() != null) {
			this.out.println("Email: " + user.email().state() + " - " + user.email().meaning()
					+ ((user.email().error() != null) ? " (" + user.email().error() + ")" : ""));
		}
		if (!user.history().isEmpty()) {
			this.out.println("History (oldest first):");
			for (UserExplanation.Event event : user.history()) {
				this.out.println("  " + orDash(event.at()) + "  " + event.meaning()
						+ ((event.bank() != null) ? "  bank " + event.bank() : "")
						+ ((event.reference() != null) ? "  reference " + event.reference() : "")
						+ ((event.detail() != null) ? "  - " + event.detail() : ""));
			}
		}
		for (UserExplanation.Resolution resolution : user.resolutions()) {
			this.out.println(
					"Resolved: " + resolution.action() + " by " + resolution.by() + " at " + orDash(resolution.at()));
		}
		return ExitCodes.COMPLETED;
	}

	private static String yesNo(boolean value) {
		return value ? "yes" : "no";
	}

	private static String orDash(Object value) {
		return (value != null) ? value.toString() : "-";
	}

}
