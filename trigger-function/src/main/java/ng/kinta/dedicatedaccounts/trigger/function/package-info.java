/**
 * The HTTP function behind {@code POST /api/cron/create-dedicated-accounts}: verifies the
 * QStash signature, launches (or, for a redelivered message, looks up or restarts) the
 * job run and answers with its summary. HTTP statuses other than 200 come from
 * {@link ng.kinta.dedicatedaccounts.trigger.function.TriggerException}, turned into
 * responses in one place.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger.function;

import org.jspecify.annotations.NullMarked;
