/**
 * Health of what the trigger needs beyond Spring Boot's own indicators: the app's
 * {@code users} collection in the configured database.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger.health;

import org.jspecify.annotations.NullMarked;
