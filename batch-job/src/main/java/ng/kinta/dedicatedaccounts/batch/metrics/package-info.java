/**
 * The project's own meters (accounts created, users failed, Billstack requests, account
 * emails), in one place so the few places that count stay one line each. Exported by the
 * web apps' Actuator ({@code /actuator/prometheus}); see docs/OPERATIONS.md.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.metrics;

import org.jspecify.annotations.NullMarked;
