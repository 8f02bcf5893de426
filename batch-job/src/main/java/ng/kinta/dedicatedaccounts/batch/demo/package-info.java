/**
 * The {@code demo} profile: in-process MongoDB, Billstack and SMTP stand-ins with the
 * sample data.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.batch.demo;

import org.jspecify.annotations.NullMarked;
