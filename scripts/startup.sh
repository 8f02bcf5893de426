#!/usr/bin/env bash
# Start-up time of batch-job.jar with Spring Boot's own means, each the median of three starts:
#   - the plain jar;
#   - the jar with Spring AOT (built with Spring Boot's `native` profile, started with
#     -Dspring.aot.enabled=true; no GraalVM involved);
#   - the extracted jar (java -Djarmode=tools ... extract) with a CDS archive from a training run;
#   - the extracted AOT jar with its own CDS archive.
# Start-up is Spring Boot's "process running for" on the `executions` command (the context starts
# in full; MongoDB is not contacted, so none is needed).
#
# Usage: scripts/startup.sh        (builds batch-job twice, each from clean: with and without AOT; leaves
#                                  the plain build in batch-job/target)
# KEEP=1 keeps the work directory (the path is printed). Needs a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] && echo "work directory: $work" || rm -rf "$work"' EXIT

# settings a production start requires; nothing is contacted before a command needs it
export MONGO_DB_URI=mongodb://127.0.0.1:9/startup BILL_STACK_SECRET_KEY=unused MAIL_FROM=startup@example.com
export BATCH_DB_URL="jdbc:h2:file:$work/batch"

# from clean: the AOT build's generated classes must not stay in target/classes
build() {
	./mvnw -B -q -pl batch-job -am clean package -DskipTests -Dcheckstyle.skip "$@" >"$work/build.log" 2>&1 ||
		{ cat "$work/build.log" >&2; exit 1; }
}

build -Pnative
mkdir -p "$work/aot" "$work/plain"
cp batch-job/target/batch-job.jar "$work/aot/"
build
cp batch-job/target/batch-job.jar "$work/plain/"

startup() { "$@" executions 2>&1 | grep -o 'process running for [0-9.]*' | awk '{print $NF}'; }

median3() {
	local times
	times=$(for _ in 1 2 3; do startup "$@" || true; done | sort -n)
	[ "$(echo "$times" | grep -c .)" -eq 3 ] || { echo "a start failed: $*" >&2; exit 1; }
	echo "$times" | sed -n 2p
}

for variant in plain aot; do
	java -Djarmode=tools -jar "$work/$variant/batch-job.jar" extract --destination "$work/$variant/app" >/dev/null
done
aot=(-Dspring.aot.enabled=true)
java -XX:ArchiveClassesAtExit="$work/plain/app.jsa" -Dspring.context.exit=onRefresh \
	-jar "$work/plain/app/batch-job.jar" executions >/dev/null 2>&1 || true
java -XX:ArchiveClassesAtExit="$work/aot/app.jsa" -Dspring.context.exit=onRefresh "${aot[@]}" \
	-jar "$work/aot/app/batch-job.jar" executions >/dev/null 2>&1 || true
for archive in "$work/plain/app.jsa" "$work/aot/app.jsa"; do
	[ -s "$archive" ] || { echo "the training run wrote no CDS archive: $archive" >&2; exit 1; }
done
cds() { echo -XX:SharedArchiveFile="$1" -Xlog:cds=off -Xlog:cds+dynamic=off; }

format='%-10s %-10s %-14s %-14s\n'
printf "$format" jar jar+aot extracted+cds extracted+cds+aot
# shellcheck disable=SC2046
printf "$format" "$(median3 java -jar "$work/plain/batch-job.jar")s" \
	"$(median3 java "${aot[@]}" -jar "$work/aot/batch-job.jar")s" \
	"$(median3 java $(cds "$work/plain/app.jsa") -jar "$work/plain/app/batch-job.jar")s" \
	"$(median3 java $(cds "$work/aot/app.jsa") "${aot[@]}" -jar "$work/aot/app/batch-job.jar")s"
