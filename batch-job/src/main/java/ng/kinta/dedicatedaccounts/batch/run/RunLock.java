package ng.kinta.dedicatedaccounts.batch.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row in the job repository's database that at most one process holds while it
 * launches and runs the job: the guard that keeps runs one at a time across the command
 * line and the web app sharing the H2 file (Spring Batch alone does not refuse a second
 * job instance). The holder refreshes a heartbeat while it runs, so a lock whose
 * heartbeat stopped is known to be left behind by a dead process. Table
 * {@code DEDICATED_ACCOUNTS_RUN_LOCK} ({@code db/run-lock-schema.sql}).
 */
@Component
class RunLock {

	private static final String LOCK_NAME = "createDedicatedAccountsJob";

	private static final String LAST_SIGN_OF_LIFE = "COALESCE(HEARTBEAT_AT, ACQUIRED_AT)";

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	RunLock(JdbcTemplate jdbcTemplate, Clock clock) {
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	/**
	 * Takes the lock.
	 * @param holder unique description of the holder (process and purpose), for operators
	 * @return whether the lock was taken
	 */
	boolean tryAcquire(String holder) {
		OffsetDateTime now = now();
		try {
			this.jdbcTemplate.update(
					"INSERT INTO DEDICATED_ACCOUNTS_RUN_LOCK (LOCK_NAME, HOLDER, ACQUIRED_AT, HEARTBEAT_AT) VALUES (?, ?, ?, ?)",
					LOCK_NAME, holder, now, now);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Takes over a lock whose holder stopped refreshing its heartbeat.
	 * @param holder unique description of the new holder
	 * @param staleAfter how long without heartbeat makes a lock left behind
	 * @return whether the lock was taken over
	 */
	boolean tryTakeOver(String holder, Duration staleAfter) {
		OffsetDateTime now = now();
		return this.jdbcTemplate.update(
				"UPDATE DEDICATED_ACCOUNTS_RUN_LOCK SET HOLDER = ?, ACQUIRED_AT = ?, HEARTBEAT_AT = ?"
						+ " WHERE LOCK_NAME = ? AND " + LAST_SIGN_OF_LIFE + " < ?",
				holder, now, now, LOCK_NAME, staleBefore(staleAfter)) == 1;
	}

	/**
	 * Refreshes the heartbeat of a lock this holder holds.
	 * @param holder the holder
	 * @return whether the holder still holds the lock
	 */
	boolean heartbeat(String holder) {
		return this.jdbcTemplate.update(
				"UPDATE DEDICATED_ACCOUNTS_RUN_LOCK SET HEARTBEAT_AT = ? WHERE LOCK_NAME = ? AND HOLDER = ?", now(),
				LOCK_NAME, holder) == 1;
	}

	/**
	 * Releases the lock if this holder holds it.
	 * @param holder the holder
	 */
	void release(String holder) {
		this.jdbcTemplate.update("DELETE FROM DEDICATED_ACCOUNTS_RUN_LOCK WHERE LOCK_NAME = ? AND HOLDER = ?",
				LOCK_NAME, holder);
	}

	/**
	 * Releases a lock left behind by a dead process.
	 * @param staleAfter how long without heartbeat makes a lock left behind
	 */
	void releaseIfStale(Duration staleAfter) {
		this.jdbcTemplate.update(
				"DELETE FROM DEDICATED_ACCOUNTS_RUN_LOCK WHERE LOCK_NAME = ? AND " + LAST_SIGN_OF_LIFE + " < ?",
				LOCK_NAME, staleBefore(staleAfter));
	}

	/**
	 * The time the holder last showed it was alive.
	 * @return the last heartbeat, or empty when nobody holds the lock
	 */
	Optional<Instant> lastHeartbeat() {
		List<OffsetDateTime> beats = this.jdbcTemplate.queryForList(
				"SELECT " + LAST_SIGN_OF_LIFE + " FROM DEDICATED_ACCOUNTS_RUN_LOCK WHERE LOCK_NAME = ?",
				OffsetDateTime.class, LOCK_NAME);
		return beats.stream().findFirst().map(OffsetDateTime::toInstant);
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

	// with time zone: processes sharing the database may run in different zones
	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private OffsetDateTime staleBefore(Duration staleAfter) {
		return OffsetDateTime.ofInstant(this.clock.instant().minus(staleAfter), ZoneOffset.UTC);
	}

}
