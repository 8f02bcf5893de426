package ng.kinta.dedicatedaccounts.batch.run;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row in the job repository's database that at most one process holds: the guard that
 * keeps runs one at a time across the command line and the web app sharing the H2 file.
 * The Batch repository alone cannot refuse a second job instance, so the lock is taken
 * before launching. Table {@code DEDICATED_ACCOUNTS_RUN_LOCK}
 * ({@code db/run-lock-schema.sql}).
 */
@Component
class RunLock {

	private static final String LOCK_NAME = "createDedicatedAccountsJob";

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	RunLock(JdbcTemplate jdbcTemplate, Clock clock) {
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	/**
	 * Takes the lock.
	 * @param holder description of the holder (process and purpose), for operators
	 * @return whether the lock was taken
	 */
	boolean tryAcquire(String holder) {
		try {
			this.jdbcTemplate.update(
					"INSERT INTO DEDICATED_ACCOUNTS_RUN_LOCK (LOCK_NAME, HOLDER, ACQUIRED_AT) VALUES (?, ?, ?)",
					LOCK_NAME, holder, Timestamp.from(this.clock.instant()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Takes over a lock left behind by a process that died before it launched its run or
	 * after it ended it. Only called when no job execution is running.
	 * @param holder description of the new holder
	 * @param minAge how old the lock must be to count as left behind
	 * @return whether the lock was taken over
	 */
	boolean tryTakeOver(String holder, Duration minAge) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp staleBefore = Timestamp.from(this.clock.instant().minus(minAge));
		return this.jdbcTemplate.update(
				"UPDATE DEDICATED_ACCOUNTS_RUN_LOCK SET HOLDER = ?, ACQUIRED_AT = ? WHERE LOCK_NAME = ? AND ACQUIRED_AT < ?",
				holder, now, LOCK_NAME, staleBefore) == 1;
	}

	/** Releases the lock (whoever holds it). */
	void release() {
		this.jdbcTemplate.update("DELETE FROM DEDICATED_ACCOUNTS_RUN_LOCK WHERE LOCK_NAME = ?", LOCK_NAME);
	}

	/**
	 * Who holds the lock.
	 * @return the holder's description, or empty when free
	 */
	Optional<String> holder() {
		List<String> holders = this.jdbcTemplate.queryForList(
				"SELECT HOLDER FROM DEDICATED_ACCOUNTS_RUN_LOCK WHERE LOCK_NAME = ?", String.class, LOCK_NAME);
		return holders.stream().findFirst();
	}

}
