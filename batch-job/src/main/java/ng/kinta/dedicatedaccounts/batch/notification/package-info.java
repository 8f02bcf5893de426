/**
 * The account email: templates, sending, and emails left pending by earlier runs.
 */
package ng.kinta.dedicatedaccounts.batch.notification;
