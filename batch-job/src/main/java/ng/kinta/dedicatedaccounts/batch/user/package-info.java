/**
 * The existing app's {@code users}: eligibility, record validation and normalisation, and
 * the job's state on each user.
 */
package ng.kinta.dedicatedaccounts.batch.user;
