/**
 * Command line of {@code batch-job.jar}: run, restart, recover, executions, dry run.
 */
package ng.kinta.dedicatedaccounts.batch.cli;
