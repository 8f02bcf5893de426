/**
 * The {@code test-cron} command: sends one request signed exactly as QStash would to the
 * trigger endpoint and reports the answer. Runs in a small Spring context of its own,
 * without web server or batch job.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger.command;

import org.jspecify.annotations.NullMarked;
