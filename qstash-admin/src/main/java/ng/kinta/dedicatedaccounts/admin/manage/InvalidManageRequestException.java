package ng.kinta.dedicatedaccounts.admin.manage;

/** A well-formed but unusable manage request (unknown action, missing id): HTTP 400. */
class InvalidManageRequestException extends RuntimeException {

	InvalidManageRequestException(String message) {
		super(message);
	}

}
