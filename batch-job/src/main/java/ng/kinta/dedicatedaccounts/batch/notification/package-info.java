/**
 * The account email: templates, sending, and emails left pending by earlier runs.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.notification;

import org.jspecify.annotations.NullMarked;
