/**
 * The job that gives eligible users a dedicated account:
 * {@link ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration} is what
 * applications import.
 */
package ng.kinta.dedicatedaccounts.batch;
