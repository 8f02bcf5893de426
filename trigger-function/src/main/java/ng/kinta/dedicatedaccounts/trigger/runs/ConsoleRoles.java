package ng.kinta.dedicatedaccounts.trigger.runs;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/** Who is looking at the console. */
final class ConsoleRoles {

	private ConsoleRoles() {
	}

	/**
	 * Whether the user may act (restart, resolve).
	 * @param authentication the authenticated user, or {@code null}
	 * @return {@code true} for the operator
	 */
	static boolean isOperator(@Nullable Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + RunsProperties.OPERATOR).equals(authority.getAuthority()));
	}

}
