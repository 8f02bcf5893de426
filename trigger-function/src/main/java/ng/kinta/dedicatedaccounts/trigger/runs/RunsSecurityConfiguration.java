package ng.kinta.dedicatedaccounts.trigger.runs;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * HTTP Basic for the operator console, and nothing else: the chain matches the console's
 * paths only, so the QStash trigger ({@code /api/cron/**}, which checks its own
 * signature) and every other path pass no Spring Security filter at all (no CSRF, no
 * authentication). Reading needs the viewer's role; every POST (restart, resolutions)
 * needs the operator's role and a CSRF token (kept in a cookie: the console has no
 * session). Defining this chain also keeps Spring Boot's default chain, which would lock
 * every path, from being created.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunsProperties.class)
class RunsSecurityConfiguration {

	static final String[] PATHS = { "/runs", "/runs/**", "/api/runs", "/api/runs/**", "/users", "/users/**",
			"/api/users/**", "/reconciliation", "/reconciliation/**" };

	@Bean
	SecurityFilterChain runsSecurityFilterChain(HttpSecurity http, RunsProperties properties) throws Exception {
		http.securityMatcher(PATHS);
		if (properties.enabled()) {
			// the search box posts (an email stays out of URLs); every other POST acts
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET)
				.hasRole(RunsProperties.VIEWER)
				.requestMatchers(HttpMethod.HEAD)
				.hasRole(RunsProperties.VIEWER)
				.requestMatchers(HttpMethod.POST, "/users/search")
				.hasRole(RunsProperties.VIEWER)
				.anyRequest()
				.hasRole(RunsProperties.OPERATOR))
				.httpBasic(Customizer.withDefaults())
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()));
		}
		else {
			// the pages and API are not registered: their paths answer 404
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		}
		return http.build();
	}

	/*
	 * The viewer and the operator, their passwords kept hashed in memory; nobody at all
	 * while the console is off (which also stops Spring Boot from generating a password).
	 */
	@Bean
	UserDetailsService runsUsers(RunsProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		if (properties.enabled()) {
			PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			users.add(User.withUsername(properties.username())
				.password(encoder.encode(properties.password()))
				.roles(RunsProperties.VIEWER)
				.build());
			if (properties.operatorEnabled()) {
				// user names are compared ignoring case, as the user store does
				if (properties.operatorUsername().equalsIgnoreCase(properties.username())) {
					throw new IllegalStateException(
							"RUNS_OPERATOR_USERNAME must differ from RUNS_USERNAME: they are two roles");
				}
				users.add(User.withUsername(properties.operatorUsername())
					.password(encoder.encode(properties.operatorPassword()))
					.roles(RunsProperties.VIEWER, RunsProperties.OPERATOR)
					.build());
			}
		}
		return new InMemoryUserDetailsManager(users);
	}

}
