/**
 * The QStash administration application: its entry point and configuration.
 */
package ng.kinta.dedicatedaccounts.admin;
