package ng.kinta.dedicatedaccounts.batch.alert;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ng.kinta.dedicatedaccounts.batch.notification.NotificationProperties;
import ng.kinta.dedicatedaccounts.batch.run.JobRunService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.integration.metadata.SimpleMetadataStore;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

/**
 * The alert flow: {@link RunEventsGateway} (the job's listener) →
 * {@value #RUN_EVENTS_CHANNEL} → compose (on the job's thread, in memory; each kind once
 * per job execution) → a bounded executor → webhook and email. Nothing after the executor
 * can fail, slow or change the run.
 */
@Configuration(proxyBeanMethods = false)
class RunAlertsConfiguration {

	/** Bean name of the job execution listener that feeds the alerts. */
	static final String LISTENER_BEAN = "runAlertsListener";

	/* Channel of the ended job executions. */
	static final String RUN_EVENTS_CHANNEL = "runEvents";

	private static final Logger logger = LoggerFactory.getLogger(RunAlertsConfiguration.class);

	@Bean
	IntegrationFlow runAlertsFlow(AlertProperties properties, ThreadPoolTaskExecutor alertTaskExecutor,
			RestClient.Builder restClientBuilder, ObjectProvider<JavaMailSender> mailSender,
			NotificationProperties mail, ObjectProvider<JobRunService> jobRunService) {
		AlertComposer composer = new AlertComposer(properties, backlogHistory(jobRunService));
		List<AlertSender> senders = senders(properties, restClientBuilder, mailSender, mail);
		// kinds already alerted per job execution (a few entries per run): each alert
		// once per execution and kind within this process
		ConcurrentMetadataStore alerted = new SimpleMetadataStore();
		return IntegrationFlow.from(RUN_EVENTS_CHANNEL)
			// a null answer ends the flow: nothing (new) worth an alert
			.handle(JobExecution.class, (execution, headers) -> compose(composer, execution, alerted).orElse(null))
			.channel((channels) -> channels.executor(alertTaskExecutor))
			.handle(Alert.class, (alert, headers) -> {
				logger.warn("Alert for run {}: {}", alert.jobExecutionId(), alert.kinds());
				senders.forEach((sender) -> sender.send(alert));
				return null;
			})
			.get();
	}

	// the completed runs before this one, newest first (restarts and failed runs left
	// out)
	private static BacklogHistory backlogHistory(ObjectProvider<JobRunService> jobRunService) {
		return (jobExecutionId, count) -> {
			JobRunService runs = jobRunService.getIfAvailable();
			if (runs == null) {
				return List.of();
			}
			return runs.recentExecutions(count * 2 + 1)
				.stream()
				.filter((execution) -> execution.jobExecutionId() != jobExecutionId)
				.filter((execution) -> "COMPLETED".equals(execution.status()))
				.map((execution) -> runs.summaryOf(execution.jobExecutionId()))
				.flatMap(Optional::stream)
				.map((summary) -> summary.data().remainingUsers())
				.limit(count)
				.toList();
		};
	}

	private static Optional<Alert> compose(AlertComposer composer, JobExecution execution,
			ConcurrentMetadataStore alerted) {
		try {
			return composer.compose(execution,
					(kind) -> alerted.putIfAbsent("alert:" + execution.getId() + ":" + kind, "sent") == null);
		}
		catch (RuntimeException ex) {
			// an alert is never worth failing the run's last listener
			logger.warn("Could not compose the alert for run {}: {}", execution.getId(), ex.toString());
			return Optional.empty();
		}
	}

	/*
	 * One thread, a bounded queue; alerts that do not fit are dropped and logged, never
	 * queued on the job's thread. At shutdown, waits {@code app.alerts.shutdown-wait} for
	 * alerts still in flight.
	 */
	@Bean
	ThreadPoolTaskExecutor alertTaskExecutor(AlertProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("alerts-");
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(properties.queueCapacity());
		executor.setRejectedExecutionHandler(
				(task, pool) -> logger.warn("Alert dropped: {} alerts already waiting", properties.queueCapacity()));
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationMillis(properties.shutdownWait().toMillis());
		return executor;
	}

	private static List<AlertSender> senders(AlertProperties properties, RestClient.Builder restClientBuilder,
			ObjectProvider<JavaMailSender> mailSender, NotificationProperties mail) {
		List<AlertSender> senders = new ArrayList<>();
		if (properties.webhookEnabled()) {
			HttpClient httpClient = HttpClient.newBuilder()
				.connectTimeout(properties.timeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				.version(HttpClient.Version.HTTP_1_1)
				.build();
			JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
			requestFactory.setReadTimeout(properties.timeout());
			senders.add(new WebhookAlertSender(restClientBuilder.clone().requestFactory(requestFactory).build(),
					properties.webhookUrl()));
		}
		JavaMailSender sender = mailSender.getIfAvailable();
		if (properties.emailEnabled() && sender != null) {
			senders.add(new EmailAlertSender(sender, mail.from(), properties.email()));
		}
		return senders;
	}

}
