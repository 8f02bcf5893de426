/**
 * {@code createDedicatedAccountsJob}: its steps, reader, processor, writer and listeners.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.job;

import org.jspecify.annotations.NullMarked;
