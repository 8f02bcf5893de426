/**
 * What the three command lines of the project share: setting Spring settings apart from
 * the command ({@link ng.kinta.dedicatedaccounts.commandline.SpringSettings}) and
 * reporting a rejected command line
 * ({@link ng.kinta.dedicatedaccounts.commandline.UsageErrors}).
 */
@NullMarked
package ng.kinta.dedicatedaccounts.commandline;

import org.jspecify.annotations.NullMarked;
