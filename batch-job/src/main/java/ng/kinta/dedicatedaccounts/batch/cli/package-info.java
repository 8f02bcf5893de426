/**
 * Command line of {@code batch-job.jar}: run, restart, recover, executions, dry run.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.cli;

import org.jspecify.annotations.NullMarked;
