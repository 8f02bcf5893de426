package ng.kinta.dedicatedaccounts.admin.manage;

import ng.kinta.dedicatedaccounts.admin.schedule.QstashSchedulesClient;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleDefinition;
import ng.kinta.dedicatedaccounts.admin.schedule.ScheduleProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cron/manage}: checks the signature first (so unauthenticated callers
 * learn nothing else), then runs the action against QStash. Answers 200 with a
 * {@link ManageResult} (or the schedule array for {@code list}); errors are turned into
 * problem details by {@link ManageExceptionHandler}.
 */
@RestController
@ConditionalOnWebApplication
class ManageController {

	private static final Logger logger = LoggerFactory.getLogger(ManageController.class);

	private final SignatureCheck signatureCheck;

	private final QstashSchedulesClient schedules;

	private final ScheduleProperties scheduleProperties;

	ManageController(SignatureCheck signatureCheck, QstashSchedulesClient schedules,
			ScheduleProperties scheduleProperties) {
		this.signatureCheck = signatureCheck;
		this.schedules = schedules;
		this.scheduleProperties = scheduleProperties;
	}

	@PostMapping(path = "/api/cron/manage", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Object manage(@RequestBody ManageRequest request) {
		authenticate(request.signature());
		ManageAction action = ManageAction.from(request.action());
		logger.info("Manage action '{}' (scheduleId {})", action.wireName(), request.scheduleId());
		return switch (action) {
			case SCHEDULE -> schedule(request.scheduleId());
			case LIST -> this.schedules.list();
			case DELETE -> {
				String id = requireScheduleId(action, request.scheduleId());
				this.schedules.delete(id);
				yield ManageResult.of(action, id);
			}
			case PAUSE -> {
				String id = requireScheduleId(action, request.scheduleId());
				this.schedules.pause(id);
				yield ManageResult.paused(id,
						CatchUpCancellation.afterPause(this.schedules, this.scheduleProperties, id));
			}
			case RESUME -> {
				String id = requireScheduleId(action, request.scheduleId());
				this.schedules.resume(id);
				yield ManageResult.of(action, id);
			}
		};
	}

	private ManageResult schedule(@Nullable String scheduleId) {
		ScheduleDefinition definition = this.scheduleProperties.definition(scheduleId);
		String id = this.schedules.createOrOverwrite(definition);
		return new ManageResult("ok", ManageAction.SCHEDULE.wireName(), id, definition.cron(),
				definition.destination());
	}

	private void authenticate(@Nullable String signature) {
		if (!this.signatureCheck.enabled()) {
			throw new SignatureRejectedException("The management API is disabled (SIGNATURE is not set)");
		}
		if (!this.signatureCheck.matches(signature)) {
			logger.warn("Manage request refused: missing or invalid signature");
			throw new SignatureRejectedException("Missing or invalid signature");
		}
	}

	private static String requireScheduleId(ManageAction action, @Nullable String scheduleId) {
		if (scheduleId == null || scheduleId.isBlank()) {
			throw new InvalidManageRequestException("scheduleId is required for action '" + action.wireName() + "'");
		}
		return scheduleId;
	}

}
