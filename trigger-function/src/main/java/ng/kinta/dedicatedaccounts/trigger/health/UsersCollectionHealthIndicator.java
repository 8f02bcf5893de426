package ng.kinta.dedicatedaccounts.trigger.health;

import ng.kinta.dedicatedaccounts.batch.user.UsersCollection;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code usersCollection}: DOWN when the database named by {@code MONGO_DB_URI} has no
 * {@code users} collection (a mistyped database name), so that readiness takes the
 * trigger out of rotation instead of answering "nothing to do" every 3 hours. Part of the
 * readiness group (trigger {@code application.yml}); the check creates nothing. MongoDB
 * unreachable reads as DOWN too.
 */
@Component
class UsersCollectionHealthIndicator extends AbstractHealthIndicator {

	private final UsersCollection usersCollection;

	UsersCollectionHealthIndicator(UsersCollection usersCollection) {
		this.usersCollection = usersCollection;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.usersCollection.exists()) {
			builder.up();
		}
		else {
			builder.down().withDetail("reason", "the database has no users collection (check MONGO_DB_URI)");
		}
	}

}
