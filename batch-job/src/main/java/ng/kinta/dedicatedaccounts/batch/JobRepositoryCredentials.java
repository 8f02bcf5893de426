package ng.kinta.dedicatedaccounts.batch;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.util.StringUtils;

/**
 * The job repository's credentials ({@code BATCH_DB_USERNAME}, {@code BATCH_DB_PASSWORD})
 * checked against its URL ({@code BATCH_DB_URL}) before the data source is built:
 * <ul>
 * <li>a local H2 database (a file, or memory) needs none: without a user name it is
 * opened as H2's {@code sa}, the user its files were created with;</li>
 * <li>anything else (PostgreSQL, an H2 server over TCP) is reachable over the network,
 * and an empty user name or password stops the start with a message naming the variable,
 * never its value.</li>
 * </ul>
 */
final class JobRepositoryCredentials implements BeanPostProcessor {

	/**
	 * H2's administrator, with which the default file database has always been created.
	 */
	static final String H2_DEFAULT_USER = "sa";

	private static final String NEEDS = ": a job repository that is not a local H2 file (BATCH_DB_URL) "
			+ "needs a user and a password";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSourceProperties properties) {
			check(properties);
		}
		return bean;
	}

	/**
	 * Fills in H2's default user for a local H2 database, or requires credentials.
	 * @param properties the bound {@code spring.datasource.*}
	 * @throws InvalidConfigurationException when the URL is not a local H2 database and
	 * the user name or the password is empty
	 */
	static void check(DataSourceProperties properties) {
		if (isLocalH2(properties.getUrl())) {
			if (!StringUtils.hasText(properties.getUsername())) {
				properties.setUsername(H2_DEFAULT_USER);
			}
			return;
		}
		if (!StringUtils.hasText(properties.getUsername())) {
			throw new InvalidConfigurationException("spring.datasource.username", "BATCH_DB_USERNAME is empty" + NEEDS);
		}
		if (!StringUtils.hasText(properties.getPassword())) {
			throw new InvalidConfigurationException("spring.datasource.password", "BATCH_DB_PASSWORD is empty" + NEEDS);
		}
	}

	/**
	 * Whether a JDBC URL names an H2 database this process opens itself (a file or
	 * memory), as opposed to one reached over the network.
	 * @param url the JDBC URL, or {@code null} (Boot's embedded default: memory)
	 * @return {@code true} for {@code jdbc:h2:} URLs other than {@code tcp:} and
	 * {@code ssl:}
	 */
	static boolean isLocalH2(@Nullable String url) {
		if (url == null) {
			return true;
		}
		String lowerCase = url.strip().toLowerCase(Locale.ROOT);
		return lowerCase.startsWith("jdbc:h2:") && !lowerCase.startsWith("jdbc:h2:tcp:")
				&& !lowerCase.startsWith("jdbc:h2:ssl:");
	}

}
