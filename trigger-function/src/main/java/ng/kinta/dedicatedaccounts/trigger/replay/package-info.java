/**
 * Replay protection of the trigger: the QStash tokens it accepted, by {@code jti}, kept
 * in the MongoDB every host shares until they expire.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger.replay;

import org.jspecify.annotations.NullMarked;
