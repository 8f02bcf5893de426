package ng.kinta.dedicatedaccounts.batch.explain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import ng.kinta.dedicatedaccounts.batch.account.AccountFields;
import ng.kinta.dedicatedaccounts.batch.account.ExistingAccountFinder;
import ng.kinta.dedicatedaccounts.batch.billstack.VirtualAccount;
import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import ng.kinta.dedicatedaccounts.batch.user.Customer;
import ng.kinta.dedicatedaccounts.batch.user.ProvisioningState;
import ng.kinta.dedicatedaccounts.batch.user.UnusableUserRecordException;
import ng.kinta.dedicatedaccounts.batch.user.UserFields;
import ng.kinta.dedicatedaccounts.batch.user.UserRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Explains one user ({@link UserExplanation}) from its record in {@code users} (only the
 * fields the job reads), its {@code accounts} document and the job repository. Reads
 * only; changes nothing.
 */
@Component
public class UserExplainer {

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

	private final MongoTemplate mongoTemplate;

	private final ExistingAccountFinder existingAccounts;

	private final JobRepository jobRepository;

	private final Job job;

	private final Clock clock;

	UserExplainer(MongoTemplate mongoTemplate, ExistingAccountFinder existingAccounts, JobRepository jobRepository,
			Job createDedicatedAccountsJob, Clock clock) {
		this.mongoTemplate = mongoTemplate;
		this.existingAccounts = existingAccounts;
		this.jobRepository = jobRepository;
		this.job = createDedicatedAccountsJob;
		this.clock = clock;
	}

	/**
	 * Explains a user.
	 * @param idOrEmail the user's id (24 hex digits) or email (any case, stray spaces
	 * allowed)
	 * @return the explanation, or empty when no user has this id or email
	 */
	public Optional<UserExplanation> explain(String idOrEmail) {
		return find(idOrEmail.strip()).map(this::explain);
	}

	/**
	 * Resolves an id or an email to the user's id, for a search box.
	 * @param idOrEmail the user's id or email
	 * @return the user's id (hex), or empty when no user matches
	 */
	public Optional<String> findUserId(String idOrEmail) {
		return find(idOrEmail.strip()).map((user) -> idText(user.get(UserFields.ID)));
	}

	private Optional<Document> find(String idOrEmail) {
		if (idOrEmail.isEmpty()) {
			return Optional.empty();
		}
		if (OBJECT_ID.matcher(idOrEmail).matches()) {
			return findOne(Criteria.where(UserFields.ID).is(new ObjectId(idOrEmail)));
		}
		if (!idOrEmail.contains("@")) {
			return findOne(Criteria.where(UserFields.ID).is(idOrEmail));
		}
		// the address as typed, then lower-cased (both use the email index), then with
		// the
		// stray case or spaces the app may have stored (a scan)
		return findOne(Criteria.where(UserFields.EMAIL).is(idOrEmail))
			.or(() -> findOne(Criteria.where(UserFields.EMAIL).is(idOrEmail.toLowerCase(java.util.Locale.ROOT))))
			.or(() -> findOne(
					Criteria.where(UserFields.EMAIL).regex("^\\s*" + Pattern.quote(idOrEmail) + "\\s*$", "i")));
	}

	private Optional<Document> findOne(Criteria criteria) {
		Query query = Query.query(criteria);
		query.fields()
			.include(UserFields.ID, UserFields.STATUS, UserFields.EMAIL_VERIFIED, UserFields.EMAIL,
					UserFields.PHONE_NUMBER, UserFields.FULL_NAME, UserFields.PROVISIONING);
		return Optional.ofNullable(this.mongoTemplate.findOne(query, Document.class, UserFields.USERS));
	}

	private UserExplanation explain(Document user) {
		UserRecord record = UserRecord.from(user);
		Document provisioning = (user.get(UserFields.PROVISIONING) instanceof Document document) ? document
				: new Document();
		UserRecord.Provisioning state = record.provisioning();
		String userId = idText(user.get(UserFields.ID));

		String status = (user.get(UserFields.STATUS) instanceof String value) ? value : null;
		boolean active = UserFields.ACTIVE.equals(status);
		boolean verified = Boolean.TRUE.equals(user.get(UserFields.EMAIL_VERIFIED));
		String accountDocument = accountDocumentOf(user, record);
		boolean provisioned = state.state() == ProvisioningState.PROVISIONED;
		boolean ownsAccount = provisioned || accountDocument != null;
		List<String> reasons = new ArrayList<>();
		if (!(user.get(UserFields.ID) instanceof ObjectId)) {
			reasons.add("its _id is not an ObjectId, so it is not a user of the app (counted as an ignored record)");
		}
		if (!active) {
			reasons.add((status != null) ? "its status is '" + status + "', not 'active'" : "it has no status");
		}
		if (!verified) {
			reasons.add("its email is not verified (isEmailVerified is not true)");
		}
		if (ownsAccount) {
			reasons.add((accountDocument != null)
					? "it already owns a dedicated account (accounts document " + accountDocument + ")"
					: "it already has the account the job recorded");
		}
		if (state.state() == ProvisioningState.NEEDS_RECONCILIATION) {
			reasons.add("it waits for an operator (reconciliation)");
		}
		UserExplanation.Eligibility eligibility = new UserExplanation.Eligibility(status, active, verified, ownsAccount,
				accountDocument, reasons.isEmpty(), List.copyOf(reasons));

		String unusable = unusableField(record);
		UserExplanation.Claim claim = (state.claimToken() != null) ? new UserExplanation.Claim(state.claimToken(),
				instant(provisioning.get("claimedAt")), jobExecutionOf(state.claimToken())) : null;
		UserExplanation.RequestOut request = (state.request() != null) ? new UserExplanation.RequestOut(
				state.request().bank(), state.request().reference(), state.request().sentAt()) : null;
		int conflicting = (provisioning.get("conflictingAccounts") instanceof List<?> list) ? list.size() : 0;
		UserExplanation.JobState job = new UserExplanation.JobState(
				(state.state() != null) ? state.state().name() : null, Wording.state(state.state()), state.attempts(),
				string(provisioning, "lastError"), state.nextAttemptAt(), unusable, claim, request,
				state.unknownRetries(), string(provisioning, "reconciliationReason"),
				instant(provisioning.get("reconciliationSince")), conflicting);

		VirtualAccount recorded = state.account();
		UserExplanation.Account account = (recorded != null) ? new UserExplanation.Account(recorded.accountNumber(),
				recorded.bankName(), recorded.bankCode(), recorded.accountName(), string(provisioning, "source"))
				: null;
		UserExplanation.Email email = (state.notification() != null)
				? new UserExplanation.Email(state.notification().name(), Wording.email(state.notification()),
						string(provisioning, "notificationError"))
				: null;

		return new UserExplanation(userId, PersonalDataMask.email(record.email()),
				PersonalDataMask.phone(record.phoneNumber()), verdict(eligibility, job, account, email), eligibility,
				job, account, email, history(provisioning), resolutions(provisioning));
	}

	private @Nullable String accountDocumentOf(Document user, UserRecord record) {
		List<Object> keys = new ArrayList<>();
		Object id = user.get(UserFields.ID);
		keys.add(id);
		if (id instanceof ObjectId objectId) {
			keys.add(objectId.toHexString());
		}
		if (record.email() != null) {
			keys.add(record.email());
			keys.add(record.email().strip().toLowerCase(java.util.Locale.ROOT));
		}
		Query query = Query
			.query(Criteria.where(AccountFields.HAS_DEDICATED_ACCOUNT).is(true).and(AccountFields.USER).in(keys));
		query.fields().include(UserFields.ID);
		Document account = this.mongoTemplate.findOne(query, Document.class, AccountFields.ACCOUNTS);
		if (account != null) {
			return idText(account.get(UserFields.ID));
		}
		// an accounts document whose user is the email in another case or with spaces
		if (id instanceof ObjectId objectId && !this.existingAccounts.startLookup()
			.usersWithAccount(List.of(new ExistingAccountFinder.Owner(objectId, record.email())))
			.isEmpty()) {
			return "(matched by the email, stored with other case or spaces)";
		}
		return null;
	}

	private static @Nullable String unusableField(UserRecord record) {
		try {
			Customer.from(record);
			return null;
		}
		catch (UnusableUserRecordException | IllegalArgumentException ex) {
			// the reason names the field, never its value
			return ex.getMessage();
		}
	}

	private @Nullable Long jobExecutionOf(String claimToken) {
		JobInstance instance = this.jobRepository.getJobInstance(this.job.getName(),
				new JobParametersBuilder().addString(RunContextKeys.CLAIM_TOKEN, claimToken).toJobParameters());
		if (instance == null) {
			return null;
		}
		JobExecution last = this.jobRepository.getLastJobExecution(instance);
		return (last != null) ? last.getId() : null;
	}

	private String verdict(UserExplanation.Eligibility eligibility, UserExplanation.JobState job,
			UserExplanation.@Nullable Account account, UserExplanation.@Nullable Email email) {
		Instant now = this.clock.instant();
		String next = (job.nextAttemptAt() != null && job.nextAttemptAt().isAfter(now))
				? "not tried again before " + job.nextAttemptAt() : "taken by the next run";
		if (account != null) {
			String mail = (email != null) ? "; " + email.meaning() : "";
			if (ProvisioningState.PROVISIONED.name().equals(job.state())) {
				return "Has account " + account.accountNumber() + " at " + account.bankName() + mail + ".";
			}
			return "Billstack created account " + account.accountNumber() + " at " + account.bankName()
					+ "; the next run writes it to accounts and sends the email.";
		}
		if (eligibility.ownsAccount()) {
			return "Already owns a dedicated account (accounts document " + eligibility.accountDocumentId()
					+ "); the job leaves the user alone.";
		}
		if (!eligibility.active() || !eligibility.emailVerified()) {
			return "Not eligible: " + String.join("; ", eligibility.reasons()) + ".";
		}
		if (job.state() == null) {
			return "Eligible and waiting: " + next + " (oldest users first, up to 50 per run).";
		}
		return switch (ProvisioningState.valueOf(job.state())) {
			case NEEDS_RECONCILIATION ->
				"Waits for an operator: " + job.reconciliationReason() + ". Check Billstack's dashboard for "
						+ ((job.requestOut() != null)
								? "reference " + job.requestOut().reference() + " at " + job.requestOut().bank()
								: "this user")
						+ ", then record the account or release the user (reconciliation).";
			case OUTCOME_UNKNOWN ->
				"Billstack's answer was lost"
						+ ((job.requestOut() != null) ? " (bank " + job.requestOut().bank() + ", reference "
								+ job.requestOut().reference() + ")" : "")
						+ "; the same bank is asked again with the same reference, " + next + ".";
			case REQUEST_SENT -> "A request to " + ((job.requestOut() != null) ? job.requestOut().bank() : "Billstack")
					+ " is out or its answer was lost; the next run settles it without asking another bank.";
			case FAILED -> "Every bank refused (" + job.failedAttempts()
					+ ((job.failedAttempts() == 1) ? " failed attempt); " : " failed attempts); ") + next + ". Last: "
					+ job.lastError() + ".";
			case UNUSABLE_RECORD ->
				"The record cannot be used (" + job.unusableRecord() + "); " + next + ". Fix the record in the app.";
			case DEFERRED -> "Left for a later run without a penalty (" + job.lastError() + "); " + next + ".";
			default -> "In progress: " + job.meaning() + ".";
		};
	}

	private static List<UserExplanation.Event> history(Document provisioning) {
		List<UserExplanation.Event> events = new ArrayList<>();
		if (provisioning.get("history") instanceof List<?> entries) {
			for (Object entry : entries) {
				if (entry instanceof Document event && event.get("event") instanceof String name) {
					events.add(new UserExplanation.Event(instant(event.get("at")), name, Wording.event(name),
							string(event, "bank"), string(event, "reference"), string(event, "detail")));
				}
			}
		}
		return List.copyOf(events);
	}

	private static List<UserExplanation.Resolution> resolutions(Document provisioning) {
		List<UserExplanation.Resolution> resolutions = new ArrayList<>();
		if (provisioning.get("resolutions") instanceof List<?> entries) {
			for (Object entry : entries) {
				if (entry instanceof Document resolution) {
					resolutions.add(new UserExplanation.Resolution(String.valueOf(resolution.get("action")),
							String.valueOf(resolution.get("by")), instant(resolution.get("at"))));
				}
			}
		}
		return List.copyOf(resolutions);
	}

	private static String idText(@Nullable Object id) {
		if (id instanceof ObjectId objectId) {
			return objectId.toHexString();
		}
		return String.valueOf(id);
	}

	private static @Nullable String string(Document document, String key) {
		return (document.get(key) instanceof String value) ? value : null;
	}

	private static @Nullable Instant instant(@Nullable Object value) {
		return (value instanceof Date date) ? date.toInstant() : null;
	}

}
