/**
 * The command line: {@code init-cron}, {@code list}, {@code delete ID}, {@code pause ID},
 * {@code resume ID}, run without the web server; exit codes 0 (success), 1 (QStash
 * failed), 2 (usage or configuration error).
 */
@NullMarked
package ng.kinta.dedicatedaccounts.admin.command;

import org.jspecify.annotations.NullMarked;
