package ng.kinta.dedicatedaccounts.trigger.health;

import ng.kinta.dedicatedaccounts.batch.user.UsersCollection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class UsersCollectionHealthIndicatorTests {

	private final UsersCollection usersCollection = mock(UsersCollection.class);

	private final UsersCollectionHealthIndicator indicator = new UsersCollectionHealthIndicator(this.usersCollection);

	@Test
	void upWhenTheDatabaseHoldsUsers() {
		given(this.usersCollection.exists()).willReturn(true);

		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void downWithTheReasonWhenTheDatabaseHasNoUsersCollection() {
		given(this.usersCollection.exists()).willReturn(false);

		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.indicator.health().getDetails()).containsEntry("reason",
				"the database has no users collection (check MONGO_DB_URI)");
	}

}
