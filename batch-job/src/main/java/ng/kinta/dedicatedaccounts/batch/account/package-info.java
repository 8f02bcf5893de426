/**
 * The existing app's {@code accounts} collection: finding users who own an account,
 * writing new ones.
 */
package ng.kinta.dedicatedaccounts.batch.account;
