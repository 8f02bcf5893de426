/**
 * The {@code demo} profile: in-process MongoDB, Billstack and SMTP stand-ins with the
 * sample data.
 */
package ng.kinta.dedicatedaccounts.batch.demo;
