/**
 * Catch-up runs: after a run that made progress while eligible users remain, the trigger
 * publishes one delayed message to its own endpoint through QStash's publish API, so a
 * backlog drains at 50 users per delay instead of 50 users per 3 hours. The message is
 * signed and delivered by QStash like a scheduled one; the job repository remembers it on
 * the run it follows, so it is published at most once.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger.catchup;

import org.jspecify.annotations.NullMarked;
