-- Guard that keeps runs of createDedicatedAccountsJob one at a time (see RunLock). Times carry
-- their offset: the command line and the trigger sharing this database may run in different zones.
CREATE TABLE IF NOT EXISTS DEDICATED_ACCOUNTS_RUN_LOCK (
	LOCK_NAME VARCHAR(100) NOT NULL PRIMARY KEY,
	HOLDER VARCHAR(500) NOT NULL,
	ACQUIRED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
	HEARTBEAT_AT TIMESTAMP WITH TIME ZONE
);
