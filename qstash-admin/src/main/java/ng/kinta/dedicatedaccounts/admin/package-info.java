/**
 * The QStash administration application: its entry point and configuration.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.admin;

import org.jspecify.annotations.NullMarked;
