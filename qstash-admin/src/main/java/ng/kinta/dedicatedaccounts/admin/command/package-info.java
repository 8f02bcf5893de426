/**
 * The command line: {@code init-cron}, {@code list}, {@code delete ID}, {@code pause ID},
 * {@code resume ID}, parsed by picocli before any Spring context and run without the web
 * server; results as JSON on standard output; exit codes 0 (success), 1 (QStash failed),
 * 2 (usage or configuration error).
 */
@NullMarked
package ng.kinta.dedicatedaccounts.admin.command;

import org.jspecify.annotations.NullMarked;
