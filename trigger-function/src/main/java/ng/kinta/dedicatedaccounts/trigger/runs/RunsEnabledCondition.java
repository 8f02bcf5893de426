package ng.kinta.dedicatedaccounts.trigger.runs;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when both run-history credentials are set (see {@link RunsProperties}). */
class RunsEnabledCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return RunsProperties.isSet(context.getEnvironment().getProperty(RunsProperties.USERNAME))
				&& RunsProperties.isSet(context.getEnvironment().getProperty(RunsProperties.PASSWORD));
	}

}
