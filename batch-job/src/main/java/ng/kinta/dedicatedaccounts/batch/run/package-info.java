/**
 * Starting, restarting and recovering runs one at a time, and their history and
 * summaries.
 */
package ng.kinta.dedicatedaccounts.batch.run;
