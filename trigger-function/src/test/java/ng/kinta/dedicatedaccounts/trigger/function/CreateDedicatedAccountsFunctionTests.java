package ng.kinta.dedicatedaccounts.trigger.function;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ng.kinta.dedicatedaccounts.batch.run.RunSummary;
import ng.kinta.dedicatedaccounts.batch.run.RunTrigger;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifier;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashSigningKeys;
import ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The function without Spring: signature gate, one run per message id, status of each
 * outcome.
 */
class CreateDedicatedAccountsFunctionTests {

	static final String CURRENT_KEY = "sig_FunctionTestsCurrentKey00001";

	static final String NEXT_KEY = "sig_FunctionTestsNextKey00000002";

	static final String URL = "https://api.example.com/api/cron/create-dedicated-accounts";

	static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

	final FakeJobRunService jobRunService = new FakeJobRunService();

	final Set<String> usedTokens = ConcurrentHashMap.newKeySet();

	final CreateDedicatedAccountsFunction function = new CreateDedicatedAccountsFunction(
			new QstashSignatureVerifier(new QstashSigningKeys(CURRENT_KEY, NEXT_KEY), URL, Clock.systemUTC(),
					Duration.ofSeconds(5), 8192, (tokenId, forgetAfter) -> this.usedTokens.add(tokenId)),
			new MessageRunLauncher(this.jobRunService));

	final QstashTokenSigner signer = new QstashTokenSigner(CURRENT_KEY, Clock.systemUTC());

	final ExecutorService executor = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	@Test
	void validDeliveryStartsOneRunForItsMessageAndReturnsTheSummary() {
		RunSummary response = summaryOf(this.function.apply(delivery("msg_1")));

		assertThat(response.completed()).isTrue();
		assertThat(response.jobExecutionId()).isEqualTo(101L);
		assertThat(this.jobRunService.starts).containsExactly(new RunTrigger("qstash", "msg_1"));
	}

	@Test
	void headerNamesAreCaseInsensitive() {
		Message<byte[]> request = MessageBuilder.withPayload(BODY)
			.setHeader("upstash-signature", this.signer.sign(URL, BODY))
			.setHeader("UPSTASH-MESSAGE-ID", "msg_case")
			.build();

		this.function.apply(request);

		assertThat(this.jobRunService.starts).containsExactly(new RunTrigger("qstash", "msg_case"));
	}

	@Test
	void invalidSignatureIsRefusedWith401AndStartsNothing() {
		Message<byte[]> forged = MessageBuilder.withPayload(BODY)
			.setHeader("Upstash-Signature",
					new QstashTokenSigner("sig_NotOurKeyButLongEnough0000003", Clock.systemUTC()).sign(URL, BODY))
			.setHeader("Upstash-Message-Id", "msg_forged")
			.build();

		TriggerException ex = catchThrowableOfType(TriggerException.class, () -> this.function.apply(forged));

		assertThat(ex.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(ex.problem().getDetail()).isEqualTo(TriggerException.UNAUTHORIZED_DETAIL);
		assertThat(this.jobRunService.starts).isEmpty();
	}

	@Test
	void aCapturedDeliveryReplayedWithAnyMessageIdIsRefusedWith401AndStartsNothing() {
		Message<byte[]> delivery = delivery("msg_captured");
		this.function.apply(delivery);

		for (String messageId : new String[] { "msg_captured", "msg_chosen_by_the_attacker" }) {
			Message<byte[]> replay = MessageBuilder.withPayload(BODY)
				.setHeader("Upstash-Signature", delivery.getHeaders().get("Upstash-Signature"))
				.setHeader("Upstash-Message-Id", messageId)
				.build();
			TriggerException ex = catchThrowableOfType(TriggerException.class, () -> this.function.apply(replay));
			assertThat(ex.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(ex.headers().containsHeader("Upstash-NonRetryable-Error")).isFalse();
		}
		assertThat(this.jobRunService.starts).containsExactly(new RunTrigger("qstash", "msg_captured"));
	}

	@Test
	void aQstashRedeliveryCarriesANewTokenAndGetsTheFirstOutcome() {
		Message<Object> first = this.function.apply(delivery("msg_again"));
		Message<Object> redelivered = this.function.apply(delivery("msg_again"));

		assertThat(redelivered.getPayload()).isEqualTo(first.getPayload());
		assertThat(this.jobRunService.starts).containsExactly(new RunTrigger("qstash", "msg_again"));
	}

	@Test
	void missingSignatureIsRefusedWith401() {
		Message<byte[]> unsigned = MessageBuilder.withPayload(BODY).setHeader("Upstash-Message-Id", "m").build();

		TriggerException ex = catchThrowableOfType(TriggerException.class, () -> this.function.apply(unsigned));

		assertThat(ex.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.jobRunService.starts).isEmpty();
	}

	@Test
	void failedRunAnswers500WithItsSummary() {
		this.jobRunService.nextRunFails = true;

		TriggerException ex = catchThrowableOfType(TriggerException.class,
				() -> this.function.apply(delivery("msg_fail")));

		assertThat(ex.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(ex.problem().getProperties().get(TriggerException.SUMMARY)).isInstanceOfSatisfying(RunSummary.class,
				(summary) -> assertThat(summary.exitStatus()).isEqualTo("FAILED"));
	}

	@Test
	void redeliveryOfAHandledMessageReturnsTheFirstOutcomeWithoutASecondRun() {
		RunSummary first = summaryOf(this.function.apply(delivery("msg_again")));

		RunSummary second = summaryOf(this.function.apply(delivery("msg_again")));

		assertThat(second).isEqualTo(first);
		assertThat(this.jobRunService.starts).hasSize(1);
		assertThat(this.jobRunService.restarts).isEmpty();
	}

	@Test
	void retryOfAMessageWhoseRunFailedRestartsThatExecution() {
		this.jobRunService.nextRunFails = true;
		catchThrowableOfType(TriggerException.class, () -> this.function.apply(delivery("msg_retry")));
		long failedExecution = this.jobRunService.latestByMessage.get("msg_retry");
		this.jobRunService.nextRunFails = false;

		RunSummary retried = summaryOf(this.function.apply(delivery("msg_retry")));

		assertThat(retried.completed()).isTrue();
		assertThat(this.jobRunService.restarts).containsExactly(failedExecution);
		assertThat(this.jobRunService.starts).hasSize(1);
	}

	@Test
	void deliveryOfAMessageWhoseRunStillHoldsTheRunLeaseIsRefusedWith409() {
		this.jobRunService.executions.put(7L, FakeJobRunService.summary(7L, "UNKNOWN"));
		this.jobRunService.latestByMessage.put("msg_running", 7L);
		this.jobRunService.leaseHeldElsewhere = true;

		TriggerException ex = catchThrowableOfType(TriggerException.class,
				() -> this.function.apply(delivery("msg_running")));

		assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.jobRunService.starts).isEmpty();
		assertThat(this.jobRunService.restarts).isEmpty();
	}

	@Test
	void retryOfAMessageWhoseRunEndedWithAnUnknownExitCodeRestartsIt() {
		// what a killed trigger leaves after recover, or a manual fix in SQL
		this.jobRunService.executions.put(7L, FakeJobRunService.summary(7L, "UNKNOWN"));
		this.jobRunService.latestByMessage.put("msg_unknown", 7L);

		RunSummary retried = summaryOf(this.function.apply(delivery("msg_unknown")));

		assertThat(retried.completed()).isTrue();
		assertThat(this.jobRunService.restarts).containsExactly(7L);
		assertThat(this.jobRunService.starts).isEmpty();
	}

	@Test
	void concurrentDeliveriesStartOnlyOneRunAndTheOtherGets409() throws Exception {
		this.jobRunService.started = new CountDownLatch(1);
		this.jobRunService.release = new CountDownLatch(1);
		Future<Message<Object>> first = this.executor.submit(() -> this.function.apply(delivery("msg_a")));
		assertThat(this.jobRunService.started.await(10, TimeUnit.SECONDS)).as("first run started").isTrue();

		TriggerException second = catchThrowableOfType(TriggerException.class,
				() -> this.function.apply(delivery("msg_b")));
		this.jobRunService.release.countDown();

		assertThat(second.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(summaryOf(first.get(10, TimeUnit.SECONDS)).completed()).isTrue();
		assertThat(this.jobRunService.starts).containsExactly(new RunTrigger("qstash", "msg_a"));
	}

	@Test
	void concurrentRedeliveriesOfOneMessageStartOnlyOneRun() throws Exception {
		this.jobRunService.started = new CountDownLatch(1);
		this.jobRunService.release = new CountDownLatch(1);
		Future<Message<Object>> first = this.executor.submit(() -> this.function.apply(delivery("msg_same")));
		assertThat(this.jobRunService.started.await(10, TimeUnit.SECONDS)).isTrue();

		TriggerException redelivered = catchThrowableOfType(TriggerException.class,
				() -> this.function.apply(delivery("msg_same")));
		this.jobRunService.release.countDown();
		first.get(10, TimeUnit.SECONDS);
		RunSummary afterwards = summaryOf(this.function.apply(delivery("msg_same")));

		assertThat(redelivered.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(afterwards.completed()).isTrue();
		assertThat(this.jobRunService.starts).hasSize(1);
	}

	@Test
	void deliveryWithoutMessageIdStillRuns() {
		Message<byte[]> request = MessageBuilder.withPayload(BODY)
			.setHeader("Upstash-Signature", this.signer.sign(URL, BODY))
			.build();

		this.function.apply(request);

		assertThat(this.jobRunService.starts).containsExactly(new RunTrigger("qstash", null));
	}

	@Test
	void anotherTransportGetsEveryAnswerReturnedNotThrown() {
		TriggerTransport recording = new TriggerTransport() {

			@Override
			public boolean carries(Message<byte[]> message) {
				return message.getHeaders().containsKey("test-transport");
			}

			@Override
			public Message<Object> exchange(Message<byte[]> message,
					java.util.function.Function<TriggerRequest, TriggerAnswer> trigger) {
				TriggerAnswer answer = trigger
					.apply(new TriggerRequest(message.getPayload(), new org.springframework.http.HttpHeaders()));
				return MessageBuilder.<Object>withPayload(answer).build();
			}

		};
		CreateDedicatedAccountsFunction withTransport = new CreateDedicatedAccountsFunction(
				new QstashSignatureVerifier(new QstashSigningKeys(CURRENT_KEY, NEXT_KEY), URL, Clock.systemUTC(),
						Duration.ofSeconds(5), 8192, (tokenId, forgetAfter) -> this.usedTokens.add(tokenId)),
				new MessageRunLauncher(this.jobRunService), java.util.List.of(recording));

		Message<Object> answer = withTransport
			.apply(MessageBuilder.withPayload(BODY).setHeader("test-transport", true).build());

		assertThat(answer.getPayload()).isInstanceOfSatisfying(TriggerAnswer.class, (unsigned) -> {
			assertThat(unsigned.status()).isEqualTo(401);
			assertThat(unsigned.problem().getDetail()).isEqualTo(TriggerAnswer.UNAUTHORIZED_DETAIL);
		});
		assertThat(this.jobRunService.starts).isEmpty();
	}

	@Test
	void anUnexpectedFailureIsABare500WithoutItsMessage() {
		this.jobRunService.nextCallThrows = new IllegalStateException("secret detail of the failure");

		TriggerException ex = catchThrowableOfType(TriggerException.class,
				() -> this.function.apply(delivery("msg_boom")));

		assertThat(ex.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(ex.problem().getDetail()).isEqualTo("Internal error; see the server log");
	}

	private static RunSummary summaryOf(Message<Object> response) {
		assertThat(response.getPayload()).isInstanceOf(RunSummary.class);
		return (RunSummary) response.getPayload();
	}

	private Message<byte[]> delivery(String messageId) {
		return MessageBuilder.withPayload(BODY)
			.setHeader("Upstash-Signature", this.signer.sign(URL, BODY))
			.setHeader("Upstash-Message-Id", messageId)
			.build();
	}

}
