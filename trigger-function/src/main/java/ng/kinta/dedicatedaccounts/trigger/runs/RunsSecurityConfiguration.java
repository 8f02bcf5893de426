package ng.kinta.dedicatedaccounts.trigger.runs;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/**
 * HTTP Basic for the run history, and nothing else: the chain matches {@code /runs/**}
 * and {@code /api/runs/**} only, so the QStash trigger ({@code /api/cron/**}, which
 * checks its own signature) and every other path pass no Spring Security filter at all
 * (no CSRF, no authentication). Defining this chain also keeps Spring Boot's default
 * chain, which would lock every path, from being created.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunsProperties.class)
class RunsSecurityConfiguration {

	static final String[] PATHS = { "/runs", "/runs/*", "/api/runs", "/api/runs/**" };

	@Bean
	SecurityFilterChain runsSecurityFilterChain(HttpSecurity http, RunsProperties properties) throws Exception {
		http.securityMatcher(PATHS);
		if (properties.enabled()) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		}
		else {
			// the page and API are not registered: their paths answer 404
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		}
		return http.build();
	}

	/*
	 * The one run-history user, its password kept hashed in memory; no user at all while
	 * the page is off (which also stops Spring Boot from generating a password).
	 */
	@Bean
	UserDetailsService runsUsers(RunsProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		if (properties.enabled()) {
			PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			users.add(User.withUsername(properties.username())
				.password(encoder.encode(properties.password()))
				.roles("RUNS")
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

}
