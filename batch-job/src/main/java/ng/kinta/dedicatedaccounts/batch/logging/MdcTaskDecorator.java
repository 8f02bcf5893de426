package ng.kinta.dedicatedaccounts.batch.logging;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.core.task.TaskDecorator;

/**
 * Copies the submitting thread's MDC (the run's job execution id, trigger source and
 * message id) to the thread that runs the task, for the task's duration, so that lines
 * logged by the job's worker threads (Billstack calls, mail) carry the run's ids.
 */
public final class MdcTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> own = MDC.getCopyOfContextMap();
			setContext(context);
			try {
				task.run();
			}
			finally {
				setContext(own);
			}
		};
	}

	private static void setContext(Map<String, String> context) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		else {
			MDC.clear();
		}
	}

}
