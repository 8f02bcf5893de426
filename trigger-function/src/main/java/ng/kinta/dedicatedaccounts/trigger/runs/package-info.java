/**
 * The run history: {@code GET /runs} (HTML) and {@code GET /api/runs} (JSON), read-only,
 * from the Spring Batch job repository, behind HTTP Basic credentials
 * ({@code RUNS_USERNAME}, {@code RUNS_PASSWORD}); off (404) while they are unset. The
 * security filter chain here applies to these paths only.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger.runs;

import org.jspecify.annotations.NullMarked;
