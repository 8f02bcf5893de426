package ng.kinta.dedicatedaccounts.batch.cli;

import org.jspecify.annotations.Nullable;

/**
 * A parsed command of {@code batch-job.jar} (see {@link BatchJobCommand}).
 *
 * @param name {@code run}, {@code restart}, {@code recover}, {@code executions} or
 * {@code reconciliation}
 * @param executionId the job execution id argument, or {@code null}
 * @param dryRun whether {@code --dry-run} was given ({@code run} only)
 * @param json whether {@code --json} was given ({@code executions} and
 * {@code reconciliation list} only)
 * @param reconciliation what {@code reconciliation} asks, or {@code null}
 */
record Command(String name, @Nullable Long executionId, boolean dryRun, boolean json,
		@Nullable Reconciliation reconciliation) {

	Command(String name, @Nullable Long executionId, boolean dryRun, boolean json) {
		this(name, executionId, dryRun, json, null);
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
