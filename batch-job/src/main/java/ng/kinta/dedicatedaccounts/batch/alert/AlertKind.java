package ng.kinta.dedicatedaccounts.batch.alert;

/** Why operators are alerted about a job execution. */
enum AlertKind {

	/** The run ended {@code FAILED} or {@code STOPPED}. */
	RUN_FAILED,

	/** The run completed, but some users were skipped ({@code COMPLETED_WITH_SKIPS}). */
	USERS_SKIPPED,

	/** Billstack refused our API key (HTTP 401/403): every user would fail. */
	BILLSTACK_KEY_REFUSED,

	/**
	 * More account emails than {@code app.alerts.pending-emails-threshold} are pending.
	 */
	EMAILS_PENDING,

	/**
	 * Users failed {@code app.alerts.consecutive-failures-threshold} runs in a row or
	 * more.
	 */
	USER_FAILING_REPEATEDLY

}
