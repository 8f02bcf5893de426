package ng.kinta.dedicatedaccounts.batch.alert;

/** Delivers alerts to one place; never throws (a lost alert is logged, nothing more). */
interface AlertSender {

	/**
	 * Delivers the alert, or logs why it could not.
	 * @param alert the alert
	 */
	void send(Alert alert);

}
