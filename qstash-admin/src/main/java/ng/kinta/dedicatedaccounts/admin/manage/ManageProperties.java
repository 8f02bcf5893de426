package ng.kinta.dedicatedaccounts.admin.manage;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Management API settings ({@code app.manage.*}).
 *
 * @param signature shared secret callers must send ({@code SIGNATURE}); unset or blank
 * disables the API; never printed by {@link #toString()}
 */
@ConfigurationProperties("app.manage")
record ManageProperties(@Nullable String signature) {

	@Override
	public String toString() {
		return "ManageProperties[signature=" + ((this.signature == null || this.signature.isBlank()) ? "unset" : "***")
				+ "]";
	}

}
