/**
 * {@code createDedicatedAccountsJob}: its steps, reader, processor, writer and listeners.
 */
package ng.kinta.dedicatedaccounts.batch.job;
