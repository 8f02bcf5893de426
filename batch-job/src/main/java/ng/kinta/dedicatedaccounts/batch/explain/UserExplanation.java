package ng.kinta.dedicatedaccounts.batch.explain;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a user has (or has not) a dedicated account. Personal data is masked (email and
 * phone); the account's name and number are shown, since an operator confirms them with
 * the user. For an authenticated operator only, and never written to a log.
 *
 * @param userId the user's id (hex)
 * @param maskedEmail the email, masked ({@code a***@example.com}), or {@code null}
 * @param maskedPhone the phone number, masked ({@code 0803****567}), or {@code null}
 * @param verdict one sentence: where the user stands and what happens next
 * @param eligibility whether the job may take the user, and why not
 * @param job the job's state on the user
 * @param account the account recorded, or {@code null}
 * @param email the account email's state, or {@code null} before an account exists
 * @param history the job's last events on the user, oldest first
 * @param resolutions what operators did, oldest first
 */
public record UserExplanation(String userId, @Nullable String maskedEmail, @Nullable String maskedPhone, String verdict,
		Eligibility eligibility, JobState job, @Nullable Account account, @Nullable Email email, List<Event> history,
		List<Resolution> resolutions) {

	/**
	 * The same explanation for a read-only viewer: the account number keeps its last four
	 * digits and the account name (the user's name) its initials; the operator sees them
	 * whole to confirm them with the user.
	 * @return the masked copy (this one when no account is recorded)
	 */
	public UserExplanation withAccountMasked() {
		if (this.account == null) {
			return this;
		}
		String number = PersonalDataMask.accountNumber(this.account.accountNumber());
		Account masked = new Account(number, this.account.bankName(), this.account.bankCode(),
				PersonalDataMask.name(this.account.accountName()), this.account.source());
		return new UserExplanation(this.userId, this.maskedEmail, this.maskedPhone,
				this.verdict.replace(this.account.accountNumber(), number), this.eligibility, this.job, masked,
				this.email, this.history, this.resolutions);
	}

	/**
	 * Eligibility: the job takes active, email-verified users without a dedicated
	 * account.
	 *
	 * @param status the record's {@code status} as stored, or {@code null}
	 * @param active whether {@code status} is {@code active}
	 * @param emailVerified whether {@code isEmailVerified} is {@code true}
	 * @param ownsAccount whether the user has a dedicated account (recorded by the job or
	 * in {@code accounts})
	 * @param accountDocumentId the {@code accounts} document with
	 * {@code hasDedicatedAccountNumber: true} for the user, or {@code null}
	 * @param eligible whether the job may take the user (its back-off aside)
	 * @param reasons why not, in words; empty when eligible
	 */
	public record Eligibility(@Nullable String status, boolean active, boolean emailVerified, boolean ownsAccount,
			@Nullable String accountDocumentId, boolean eligible, List<String> reasons) {
	}

	/**
	 * The job's state on the user ({@code accountProvisioning}).
	 *
	 * @param state the state, or {@code null} before the job's first attempt
	 * @param meaning the state in words
	 * @param failedAttempts failed attempts so far
	 * @param lastError the last reason recorded (never personal data), or {@code null}
	 * @param nextAttemptAt the user is not tried before this time, or {@code null}
	 * @param unusableRecord the field that makes the record unusable, or {@code null}
	 * @param claim the run that claimed the user last, or {@code null}
	 * @param requestOut the last Billstack request marker, or {@code null}
	 * @param unknownRetries requests repeated after an unknown outcome
	 * @param reconciliationReason why an operator must look, or {@code null}
	 * @param reconciliationSince since when, or {@code null}
	 * @param conflictingAccounts accounts Billstack returned after one was recorded
	 */
	public record JobState(@Nullable String state, String meaning, int failedAttempts, @Nullable String lastError,
			@Nullable Instant nextAttemptAt, @Nullable String unusableRecord, @Nullable Claim claim,
			@Nullable RequestOut requestOut, int unknownRetries, @Nullable String reconciliationReason,
			@Nullable Instant reconciliationSince, int conflictingAccounts) {
	}

	/**
	 * A run's claim on the user.
	 *
	 * @param claimToken the run's claim token
	 * @param claimedAt when, or {@code null}
	 * @param jobExecutionId the run's latest job execution, or {@code null} when the job
	 * repository does not know the run (another host's, or a lost history)
	 */
	public record Claim(String claimToken, @Nullable Instant claimedAt, @Nullable Long jobExecutionId) {
	}

	/**
	 * A Billstack request marker.
	 *
	 * @param bank the bank asked
	 * @param reference the reference sent
	 * @param sentAt when (MongoDB's clock), or {@code null}
	 */
	public record RequestOut(String bank, String reference, @Nullable Instant sentAt) {
	}

	/**
	 * The account recorded.
	 *
	 * @param accountNumber the NUBAN
	 * @param bankName the bank's name
	 * @param bankCode the Billstack bank value
	 * @param accountName the account's name
	 * @param source {@code JOB} or {@code EXISTING_ACCOUNT}, or {@code null}
	 */
	public record Account(String accountNumber, String bankName, String bankCode, String accountName,
			@Nullable String source) {
	}

	/**
	 * The account email.
	 *
	 * @param state {@code PENDING}, {@code SENT} or {@code FAILED}
	 * @param meaning the state in words
	 * @param error the reply code of a failure for good, or {@code null}
	 */
	public record Email(String state, String meaning, @Nullable String error) {
	}

	/**
	 * One event of the job's history on the user.
	 *
	 * @param at when
	 * @param event what ({@code REQUEST_SENT}, {@code FAILED}, ...)
	 * @param meaning the event in words
	 * @param bank the bank concerned, or {@code null}
	 * @param reference the reference sent, or {@code null}
	 * @param detail the reason recorded (never personal data), or {@code null}
	 */
	public record Event(@Nullable Instant at, String event, String meaning, @Nullable String bank,
			@Nullable String reference, @Nullable String detail) {
	}

	/**
	 * An operator's resolution.
	 *
	 * @param action what was done
	 * @param by who
	 * @param at when, or {@code null}
	 */
	public record Resolution(String action, String by, @Nullable Instant at) {
	}

}
