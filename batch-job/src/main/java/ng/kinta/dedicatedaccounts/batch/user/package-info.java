/**
 * The existing app's {@code users}: eligibility, record validation and normalisation, and
 * the job's state on each user.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.user;

import org.jspecify.annotations.NullMarked;
