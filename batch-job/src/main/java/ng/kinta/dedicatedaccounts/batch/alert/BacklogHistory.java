package ng.kinta.dedicatedaccounts.batch.alert;

import java.util.List;

/**
 * The users waiting at the end of earlier runs, for the backlog growth alert.
 */
@FunctionalInterface
interface BacklogHistory {

	/**
	 * The {@code remainingUsers} of the runs before a job execution.
	 * @param jobExecutionId the job execution just ended (left out)
	 * @param count how many earlier runs at most
	 * @return their counts, newest first
	 */
	List<Long> remainingBefore(long jobExecutionId, int count);

}
