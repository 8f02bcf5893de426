/**
 * The {@code trigger-function} application: {@code signature} verifies QStash requests,
 * {@code function} serves {@code POST /api/cron/create-dedicated-accounts} and launches
 * the job, {@code command} holds the {@code test-cron} command.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger;

import org.jspecify.annotations.NullMarked;
