/**
 * Billstack client: one call ({@code BillstackClient}) and one user's account across
 * banks with retries ({@code VirtualAccountCreator}).
 */
package ng.kinta.dedicatedaccounts.batch.billstack;
