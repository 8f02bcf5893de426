/**
 * Starting, restarting and recovering runs, one at a time on every host through the run
 * lease in MongoDB, and their history and summaries.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.run;

import org.jspecify.annotations.NullMarked;
