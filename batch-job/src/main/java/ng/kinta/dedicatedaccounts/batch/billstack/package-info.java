/**
 * Billstack client: one call ({@code BillstackClient}) and one user's account across
 * banks with retries ({@code VirtualAccountCreator}).
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.billstack;

import org.jspecify.annotations.NullMarked;
