#!/usr/bin/env bash
# Cold start of the Lambda handler, measured locally and in process: the time from a new JVM to the
# first answer of Spring Cloud Function's FunctionInvoker (scripts/ColdStart.java: the invoker is
# created as Lambda's init does, then handles one signed Function URL event whose run provisions one
# user against in-process stand-ins in another JVM). Each figure is the median of RUNS starts of:
#   - plain: the deployment zip's layout (classes at the root, lib/*), as Lambda loads it;
#   - lazy:  the same with spring.main.lazy-initialization=true;
#   - cds:   the same classes as jars (CDS archives only jars) with a dynamic CDS archive written by
#            a training invocation (-XX:ArchiveClassesAtExit).
# Not Lambda: no Firecracker micro-VM, no Lambda CPU share for the memory size, no network to
# MongoDB/PostgreSQL; H2 (a file in the work directory) stands in for PostgreSQL. Figures are for
# this machine only.
#
# Usage: scripts/cold-start.sh   (builds trigger-lambda; RUNS=3 by default; KEEP=1 keeps the work
#                                directory). Needs a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
work=$(mktemp -d)
services_pid=""
cleanup() {
	[ -n "$services_pid" ] && kill "$services_pid" 2>/dev/null || true
	[ -n "${KEEP:-}" ] && echo "work directory: $work" || rm -rf "$work"
}
trap cleanup EXIT

# the last module of the reactor, trigger-lambda, writes the classpath file last
./mvnw -B -q -pl trigger-lambda -am package dependency:build-classpath -DskipTests -Dcheckstyle.skip \
	-Dmdep.includeScope=test -Dmdep.outputFile="$work/test.classpath" >"$work/build.log" 2>&1 ||
	{ cat "$work/build.log" >&2; exit 1; }
test_cp=$(cat "$work/test.classpath")
h2=$(tr ':' '\n' <"$work/test.classpath" | grep '/h2-[0-9.]*\.jar$')

# the deployment package, laid out as in /var/task
mkdir -p "$work/task" "$work/classes"
(cd "$work/task" && unzip -q "$OLDPWD/trigger-lambda/target/trigger-lambda-aws.zip")
zip_cp="$work/task:$work/task/lib/*:$h2"

javac -d "$work/classes" -cp "$test_cp" scripts/ColdStartServices.java
javac -d "$work/classes" -cp "$work/task/lib/*" scripts/ColdStart.java
(cd "$work/classes" && jar cf "$work/harness.jar" ColdStart.class)
(cd "$work/task" && jar cf "$work/task.jar" -C "$work/task" META-INF -C "$work/task" ng -C "$work/task" application.yml)
jar_cp="$work/task.jar:$work/task/lib/*:$h2:$work/harness.jar"

# services for every start: 3 runs x 3 variants + 1 training run, one user per run
java -DUSERS=$((runs * 3 + 2)) -cp "$work/classes:$test_cp" ColdStartServices >"$work/services.out" 2>"$work/services.log" &
services_pid=$!
for _ in $(seq 1 100); do
	grep -q '^SERVICES' "$work/services.out" 2>/dev/null && break
	kill -0 "$services_pid" 2>/dev/null || { cat "$work/services.log" >&2; exit 1; }
	sleep 0.2
done
read -r _ mongo_port billstack_port smtp_port < <(grep '^SERVICES' "$work/services.out")

settings=(
	-DMONGO_DB_URI="mongodb://127.0.0.1:$mongo_port/kinta" -DBILLSTACK_BASE_URL="http://127.0.0.1:$billstack_port"
	-DBILL_STACK_SECRET_KEY=cold-start -DSMTP_HOST=127.0.0.1 -DSMTP_PORT="$smtp_port" -DSMTP_AUTH=false
	-DSMTP_STARTTLS=false -DMAIL_FROM=cold@example.test -DBATCH_DB_URL="jdbc:h2:file:$work/batch"
	-DNEXT_PUBLIC_API_URL=https://cold.lambda-url.eu-west-1.on.aws
	-DQSTASH_CURRENT_SIGNING_KEY=sig_ColdStartCurrentSigningKey0001 -DQSTASH_NEXT_SIGNING_KEY=sig_ColdStartNextSigningKey000002
	-Dapp.job.max-users-per-run=1 -DMAIN_CLASS=ng.kinta.dedicatedaccounts.lambda.TriggerLambdaApplication
)

start() {
	local line
	line=$(java "${settings[@]}" "$@" ColdStart 2>"$work/last.log" | grep '^COLD-START') ||
		{ tail -30 "$work/last.log" >&2; return 1; }
	read -r _ status init answered <<<"$line"
	[ "$status" = 200 ] || { echo "cold start answered $status" >&2; tail -30 "$work/last.log" >&2; return 1; }
	echo "$init $answered"
}

median() {
	local results
	results=$(for _ in $(seq 1 "$runs"); do start "$@"; done | sort -n -k2)
	echo "$results" | sed -n "$(((runs + 1) / 2))p"
}

java -XX:ArchiveClassesAtExit="$work/app.jsa" "${settings[@]}" -cp "$jar_cp" ColdStart >/dev/null 2>&1 || true
[ -s "$work/app.jsa" ] || { echo "the training run wrote no CDS archive" >&2; exit 1; }

format='%-8s %-22s %-22s\n'
printf "$format" variant "invoker created (ms)" "first answer (ms)"
read -r i a < <(median -cp "$zip_cp:$work/classes")
printf "$format" plain "$i" "$a"
read -r i a < <(median -Dspring.main.lazy-initialization=true -cp "$zip_cp:$work/classes")
printf "$format" lazy "$i" "$a"
read -r i a < <(median -XX:SharedArchiveFile="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar_cp")
printf "$format" cds "$i" "$a"
