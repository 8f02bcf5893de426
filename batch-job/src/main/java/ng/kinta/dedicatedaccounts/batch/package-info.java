/**
 * The job that gives eligible users a dedicated account:
 * {@link ng.kinta.dedicatedaccounts.batch.DedicatedAccountsBatchConfiguration} is what
 * applications import.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch;

import org.jspecify.annotations.NullMarked;
