/**
 * {@code demo.jar}: the job's command line
 * ({@link ng.kinta.dedicatedaccounts.demo.DemoApplication}) and the trigger web app on
 * in-process MongoDB, Billstack and SMTP stand-ins with the sample data
 * ({@link ng.kinta.dedicatedaccounts.demo.DemoStandInsInitializer}). Never part of a
 * production jar.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.demo;

import org.jspecify.annotations.NullMarked;
