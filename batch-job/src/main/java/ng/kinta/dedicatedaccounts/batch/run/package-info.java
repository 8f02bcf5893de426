/**
 * Starting, restarting and recovering runs one at a time, and their history and
 * summaries.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.run;

import org.jspecify.annotations.NullMarked;
