/**
 * The QStash Schedules REST client and the definition of the one schedule that drives the
 * job (id, cron, destination). Contract: {@code docs/QSTASH.md} §4 and
 * https://upstash.com/docs/qstash/api/schedules.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.admin.schedule;

import org.jspecify.annotations.NullMarked;
