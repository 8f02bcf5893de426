/**
 * Why a user has (or has not) a dedicated account, in words an operator understands: the
 * support desk's question answered from the user's record, its {@code accounts} document,
 * the job's state and history on it, and the job repository. Shared by the command line
 * ({@code explain}) and the operator pages.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.explain;

import org.jspecify.annotations.NullMarked;
