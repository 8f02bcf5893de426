/**
 * The existing app's {@code accounts} collection: finding users who own an account,
 * writing new ones.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.account;

import org.jspecify.annotations.NullMarked;
