package ng.kinta.dedicatedaccounts.batch.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.WireMock;
import ng.kinta.dedicatedaccounts.batch.billstack.BillstackStubs;
import ng.kinta.dedicatedaccounts.batch.job.RunContextKeys;
import ng.kinta.dedicatedaccounts.batch.support.InProcessServices;
import ng.kinta.dedicatedaccounts.batch.support.JobIntegrationTest;
import ng.kinta.dedicatedaccounts.batch.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New runs are launched by a {@link JobLaunchRequest} message that Spring Batch
 * Integration's {@code JobLaunchingGateway} handles, on the caller's thread; restarts are
 * not launch requests.
 */
class JobLaunchGatewayIntegrationTests extends JobIntegrationTest {

	@Autowired
	private JobRunService runs;

	@Autowired
	@Qualifier(JobLaunchConfiguration.JOB_LAUNCH_REQUESTS_CHANNEL)
	private DirectChannel launchRequests;

	private final List<Message<?>> sent = new CopyOnWriteArrayList<>();

	private final List<Thread> sentOn = new CopyOnWriteArrayList<>();

	private final ChannelInterceptor recorder = new ChannelInterceptor() {

		@Override
		public Message<?> preSend(Message<?> message, MessageChannel channel) {
			JobLaunchGatewayIntegrationTests.this.sent.add(message);
			JobLaunchGatewayIntegrationTests.this.sentOn.add(Thread.currentThread());
			return message;
		}

	};

	@BeforeEach
	void recordLaunchRequests() {
		this.launchRequests.addInterceptor(this.recorder);
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));
	}

	@AfterEach
	void stopRecording() {
		this.launchRequests.removeInterceptor(this.recorder);
	}

	@Test
	void aNewRunIsOneLaunchRequestHandledOnTheCallersThread() {
		TestUsers.insertUsers(2);

		RunSummary summary = this.runs.startNewRun(new RunTrigger("qstash", "msg_gateway"));

		assertThat(summary.completed()).isTrue();
		assertThat(summary.data().successCount()).isEqualTo(2);
		assertThat(this.sent).singleElement().satisfies((message) -> {
			assertThat(message.getPayload()).isInstanceOf(JobLaunchRequest.class);
			JobLaunchRequest request = (JobLaunchRequest) message.getPayload();
			assertThat(request.getJob().getName()).isEqualTo("createDedicatedAccountsJob");
			assertThat(request.getJobParameters().getString(RunContextKeys.CLAIM_TOKEN)).hasSize(24);
			assertThat(request.getJobParameters().getString(RunContextKeys.TRIGGER_SOURCE)).isEqualTo("qstash");
			assertThat(request.getJobParameters().getString(RunContextKeys.TRIGGER_MESSAGE_ID))
				.isEqualTo("msg_gateway");
		});
		assertThat(this.sentOn).containsExactly(Thread.currentThread());
	}

	@Test
	void aRestartGoesToTheJobOperatorNotThroughTheGateway() {
		// given: a run that failed because Billstack refused the key
		TestUsers.insertUsers(1);
		InProcessServices.BILLSTACK.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(WireMock.unauthorized()));
		RunSummary failed = this.runs.startNewRun(RunTrigger.COMMAND_LINE);
		assertThat(failed.completed()).isFalse();
		InProcessServices.BILLSTACK.resetAll();
		InProcessServices.BILLSTACK
			.stubFor(BillstackStubs.generateAt("PALMPAY").willReturn(BillstackStubs.created("PALMPAY")));

		// when
		RunSummary restarted = this.runs.restart(failed.jobExecutionId());

		// then: one launch request in all, for the first run
		assertThat(restarted.completed()).isTrue();
		assertThat(this.sent).hasSize(1);
	}

}
