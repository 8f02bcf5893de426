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
	USER_FAILING_REPEATEDLY,

	/**
	 * Billstack requests of this run got no answer: the accounts may exist; the same bank
	 * is asked again after the back-off.
	 */
	OUTCOME_UNKNOWN,

	/** Users wait for an operator: {@code batch-job.jar reconciliation}. */
	NEEDS_RECONCILIATION,

	/**
	 * MongoDB refused to record accounts Billstack created; the alert carries them so an
	 * operator can record them by hand should the next run not.
	 */
	ACCOUNT_NOT_RECORDED,

	/**
	 * The users waiting grew in {@code app.alerts.backlog-growth-runs} runs in a row:
	 * they sign up faster than a run's cap can drain.
	 */
	BACKLOG_GROWING

}
