package ng.kinta.dedicatedaccounts.batch.cli;

import org.jspecify.annotations.Nullable;

/**
 * A parsed command of {@code batch-job.jar} (see {@link BatchJobCommand}).
 *
 * @param name {@code run}, {@code restart}, {@code recover}, {@code executions},
 * {@code reconciliation} or {@code explain}
 * @param executionId the job execution id argument, or {@code null}
 * @param dryRun whether {@code --dry-run} was given ({@code run} only)
 * @param json whether {@code --json} was given ({@code executions}, {@code explain} and
 * {@code reconciliation list} only)
 * @param reconciliation what {@code reconciliation} asks, or {@code null}
 * @param user the user's id or email ({@code explain}), or {@code null}
 */
record Command(String name, @Nullable Long executionId, boolean dryRun, boolean json,
		@Nullable Reconciliation reconciliation, @Nullable String user) {

	Command(String name, @Nullable Long executionId, boolean dryRun, boolean json) {
		this(name, executionId, dryRun, json, null, null);
	}

	Command(String name, @Nullable Long executionId, boolean dryRun, boolean json,
			@Nullable Reconciliation reconciliation) {
		this(name, executionId, dryRun, json, reconciliation, null);
	}

	/**
	 * Keeps the user argument (possibly an email) out of logs and error reports.
	 * @return the command without the user argument
	 */
	@Override
	public String toString() {
		return "Command[name=" + this.name + ", executionId=" + this.executionId + ", dryRun=" + this.dryRun + ", json="
				+ this.json + "]";
	}

	/**
	 * A {@code reconciliation} command.
	 *
	 * @param action {@code list}, {@code record}, {@code release} or {@code dismiss}
	 * @param userId the user's id (not {@code list})
	 * @param accountNumber the account number found in Billstack's dashboard
	 * ({@code record})
	 * @param bank the Billstack bank value, e.g. {@code PALMPAY} ({@code record})
	 * @param bankName the bank's display name, or {@code null} for the bank value
	 * @param accountName the account name shown by Billstack ({@code record})
	 * @param by who resolves it, recorded with the resolution
	 */
	record Reconciliation(String action, @Nullable String userId, @Nullable String accountNumber, @Nullable String bank,
			@Nullable String bankName, @Nullable String accountName, String by) {
	}

}
