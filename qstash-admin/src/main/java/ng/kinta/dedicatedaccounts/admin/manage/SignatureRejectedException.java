package ng.kinta.dedicatedaccounts.admin.manage;

/** The signature is missing or wrong, or the API is disabled: HTTP 401. */
class SignatureRejectedException extends RuntimeException {

	SignatureRejectedException(String message) {
		super(message);
	}

}
