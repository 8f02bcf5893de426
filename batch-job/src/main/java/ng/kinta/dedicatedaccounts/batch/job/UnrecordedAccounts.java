package ng.kinta.dedicatedaccounts.batch.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.user.AccountRecording;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningStateRepository;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Accounts Billstack created that MongoDB refused to record, kept in the job repository
 * (a second store) under {@value #KEY} of the job execution, written at once. Every later
 * run records them first, before it claims users, so that no run buys such a user a
 * second account; the run alert carries them for an operator meanwhile.
 */
class UnrecordedAccounts {

	static final String KEY = RunContextKeys.UNRECORDED_ACCOUNTS;

	/** Job instances looked through for accounts left unrecorded. */
	private static final int INSTANCES_SEARCHED = 50;

	private static final Logger logger = LoggerFactory.getLogger(UnrecordedAccounts.class);

	private final JobRepository jobRepository;

	private final ProvisioningStateRepository provisioningState;

	UnrecordedAccounts(JobRepository jobRepository, ProvisioningStateRepository provisioningState) {
		this.jobRepository = jobRepository;
		this.provisioningState = provisioningState;
	}

	/**
	 * Keeps an account that could not be recorded on its user.
	 * @param jobExecution the run
	 * @param userId the user
	 * @param account the account Billstack created
	 */
	synchronized void keep(JobExecution jobExecution, ObjectId userId, VirtualAccount account) {
		ExecutionContext context = jobExecution.getExecutionContext();
		List<Map<String, String>> kept = read(context);
		kept.add(toMap(userId, account));
		context.put(KEY, kept);
		this.jobRepository.updateExecutionContext(jobExecution);
	}

	/**
	 * Records on their users the accounts earlier runs could not record, and forgets
	 * those recorded.
	 * @param jobName the job
	 * @return accounts recorded now
	 */
	int recordLeftBehind(String jobName) {
		int recorded = 0;
		for (JobInstance instance : this.jobRepository.getJobInstances(jobName, 0, INSTANCES_SEARCHED)) {
			for (JobExecution execution : this.jobRepository.getJobExecutions(instance)) {
				List<Map<String, String>> kept = read(execution.getExecutionContext());
				if (kept.isEmpty()) {
					continue;
				}
				List<Map<String, String>> stillKept = new ArrayList<>();
				for (Map<String, String> entry : kept) {
					if (record(entry)) {
						recorded++;
					}
					else {
						stillKept.add(entry);
					}
				}
				if (stillKept.size() != kept.size()) {
					execution.getExecutionContext().put(KEY, stillKept);
					this.jobRepository.updateExecutionContext(execution);
				}
			}
		}
		return recorded;
	}

	/**
	 * The accounts kept on a job execution.
	 * @param context the job execution's context
	 * @return user id, bank, account number and name of each
	 */
	static List<Map<String, String>> read(ExecutionContext context) {
		List<Map<String, String>> kept = new ArrayList<>();
		if (context.get(KEY) instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					Map<String, String> entry = new LinkedHashMap<>();
					map.forEach((key, value) -> entry.put(String.valueOf(key), String.valueOf(value)));
					kept.add(entry);
				}
			}
		}
		return kept;
	}

	private boolean record(Map<String, String> entry) {
		try {
			ObjectId userId = new ObjectId(entry.get("userId"));
			VirtualAccount account = new VirtualAccount(entry.get("accountName"), entry.get("accountNumber"),
					entry.get("accountRef"), entry.get("bankCode"), entry.get("bankName"));
			AccountRecording recording = this.provisioningState.recordAccountCreated(userId, account);
			logger.warn("User {}: account at {} left unrecorded by an earlier run now {}", userId.toHexString(),
					account.bankCode(), recording);
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("An account left unrecorded by an earlier run still cannot be recorded: {}", ex.toString());
			return false;
		}
	}

	private static Map<String, String> toMap(ObjectId userId, VirtualAccount account) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("userId", userId.toHexString());
		entry.put("bankCode", account.bankCode());
		entry.put("bankName", account.bankName());
		entry.put("accountNumber", account.accountNumber());
		entry.put("accountName", account.accountName());
		entry.put("accountRef", account.accountRef());
		return entry;
	}

}
