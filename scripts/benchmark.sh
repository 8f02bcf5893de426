#!/usr/bin/env bash
# Benchmark of the provisioning step on the demo (50 users) against a slow Billstack and a slow
# mail relay. Prints, side by side:
#   - the provisioning step's time (from its start until its last email is accepted) in a fresh
#     command-line process (cold JVM; median of three runs), and in the trigger's second and third
#     runs (warm JVM, as a long-running trigger runs every run after its first; their mean);
#   - the physical limit: 50 users x Billstack latency / concurrency, and each ratio (goal: <= 1.3);
#   - the same step with one SMTP connection per email (app.mail.connection-per-email=true);
#   - the start-up time of the plain jar, of the extracted jar with a CDS archive, and of the
#     extracted jar with a CDS archive and lazy initialisation.
# and, for each step time, when the last account was created (the Billstack-bound part) and
# when the last email was accepted.
# The relay is the demo's in-process GreenMail behind scripts/SmtpLatencyProxy.java, which holds
# every new connection for the given delay before the greeting (like TLS + login to a distant relay).
#
# Usage: scripts/benchmark.sh [billstack latency ms, default 300] [SMTP connection delay ms, default 300]
#                             [first of four free ports, default 18100]
# KEEP=1 keeps the runs' logs (the path is printed). JOB_SETTINGS="--app.job.chunk-size=24 ..." adds
# settings to every run (to compare chunk sizes, concurrency, ...).
# Needs: ./mvnw -B -q -pl demo -am package -DskipTests (demo/target/demo.jar: the job on the demo stand-ins),
# a JDK 17+, python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
latency_ms="${1:-300}"
smtp_delay_ms="${2:-300}"
proxy_port="${3:-18100}"
smtp_port=$((proxy_port + 1))
trigger_port=$((proxy_port + 2))
trigger_management_port=$((proxy_port + 3))
users=50
concurrency=8
jar=demo/target/demo.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -pl demo -am package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
java scripts/SmtpLatencyProxy.java "$proxy_port" "$smtp_port" "$smtp_delay_ms" >"$work/proxy.log" 2>&1 &
proxy_pid=$!
trigger_pid=""
cleanup() {
	kill "$proxy_pid" 2>/dev/null || true
	[ -n "$trigger_pid" ] && kill "$trigger_pid" 2>/dev/null || true
	if [ -n "${KEEP:-}" ]; then echo "logs in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
for _ in $(seq 1 150); do grep -q listening "$work/proxy.log" && break; sleep 0.2; done

demo_settings() {
	echo --spring.profiles.active=demo --app.demo.data-dir="$1" --app.demo.billstack.latency="${latency_ms}ms" \
		--app.demo.smtp.port="$smtp_port" --spring.mail.port="$proxy_port" --app.job.concurrency="$concurrency" \
		${JOB_SETTINGS:-}
}

# run_once NAME JAVA_LAUNCH... -- APP_OPTIONS...: one command-line run on a fresh data directory
run_once() {
	local name="$1" dir="$work/$1"
	shift
	mkdir -p "$dir"
	local launch=()
	while [ "$1" != "--" ]; do launch+=("$1"); shift; done
	shift
	# shellcheck disable=SC2046
	BATCH_DB_URL="jdbc:h2:file:$dir/batch" "${launch[@]}" $(demo_settings "$dir") "$@" 2>"$dir/log" >"$dir/out" || true
}

# trigger_runs NAME COUNT: the demo trigger on a fresh data directory, COUNT signed runs one after the other
trigger_runs() {
	local name="$1" count="$2" dir="$work/$1"
	mkdir -p "$dir"
	# shellcheck disable=SC2046
	BATCH_DB_URL="jdbc:h2:file:$dir/batch" java -Xmx256m -jar "$jar" trigger $(demo_settings "$dir") \
		--server.port="$trigger_port" --management.server.port="$trigger_management_port" >"$dir/log" 2>&1 &
	trigger_pid=$!
	for _ in $(seq 1 300); do grep -q 'Started DemoApplication' "$dir/log" && break; sleep 0.2; done
	grep -q 'Started DemoApplication' "$dir/log" ||
		{ echo "the demo trigger did not start (port $trigger_port taken?): $dir/log" >&2; KEEP=1; exit 1; }
	for run in $(seq 1 "$count"); do
		java -jar "$jar" trigger test-cron --server.port="$trigger_port" >"$dir/out$run" 2>/dev/null || true
	done
	curl -s "http://127.0.0.1:$trigger_management_port/actuator/prometheus" >"$dir/prometheus" || true
	kill "$trigger_pid" 2>/dev/null || true
	wait "$trigger_pid" 2>/dev/null || true
	trigger_pid=""
}

# step_times LOG: one line per provisioning step in the log: "STEP_MS LAST_ACCOUNT_MS"
step_times() {
	python3 - "$1" <<'PY'
import datetime, sys
def at(line):
    return datetime.datetime.fromisoformat(line[:23])
start = last = None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if "Executing step: [provisionAccountsStep]" in line:
        start, last = at(line), None
    elif start and "virtual account created" in line:
        last = at(line)
    elif start and "Account emails of the step done" in line:
        millis = lambda t: round((t - start).total_seconds() * 1000) if t else "n/a"
        print(millis(at(line)), millis(last))
        start = None
PY
}

startup_s() { grep -o 'process running for [0-9.]*' "$work/$1/log" | awk '{print $NF}' || echo "n/a"; }

result() { grep -ho '"successCount":[0-9]*\|"emailsSent":[0-9]*' "$work/$1/"out* | tr '\n' ' '; }

# median of the numbers on standard input (anything else, such as n/a, is left out)
median() {
	grep -E '^[0-9]+([.][0-9]+)?$' | sort -n | awk '{a[NR]=$1} END {if (!NR) print "n/a";
		else if (NR % 2) print a[(NR+1)/2]; else printf "%g\n", (a[NR/2] + a[NR/2+1]) / 2}' || true
}

# mean time of a Billstack request as the job measured it (its Micrometer timer), in ms
billstack_request_ms() {
	awk '/^dedicated_accounts_billstack_requests_seconds_sum/ {s += $NF}
		/^dedicated_accounts_billstack_requests_seconds_count/ {c += $NF}
		END {if (c) printf "%.0f", s / c * 1000; else print "n/a"}' "$work/trigger/prometheus"
}

ratio() { [ "$1" != "n/a" ] && awk -v s="$1" -v l="$2" 'BEGIN { printf "%.2f", s / l }' || echo "n/a"; }

# 1. the step in a fresh process, three times, and the old way of mailing (one connection per email)
for run in 1 2 3; do run_once "cli-$run" java -Xmx256m -jar "$jar" --; done
run_once per-email java -Xmx256m -jar "$jar" -- --app.mail.connection-per-email=true

# 2. the step in a long-running trigger: its first run is cold, the next ones warm
trigger_runs trigger 3

# 3. start-up with Spring Boot's own means: extracted jar + CDS archive from a training run
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
run_once training java -Xmx256m -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh \
	-jar "$work/app/demo.jar" --
run_once cds java -Xmx256m -XX:SharedArchiveFile="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
	-jar "$work/app/demo.jar" --
run_once cds-lazy java -Xmx256m -XX:SharedArchiveFile="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
	-jar "$work/app/demo.jar" -- --spring.main.lazy-initialization=true

limit=$(( users * latency_ms / concurrency ))
cold=$(for run in 1 2 3; do step_times "$work/cli-$run/log"; done | awk '{print $1}' | median)
warm=$(step_times "$work/trigger/log" | tail -n +2 | awk '{print $1}' | median)  # runs 2 and 3
startup=$(for run in 1 2 3; do startup_s "cli-$run"; done | median)
format='%-14s %-14s %-11s %-14s %-11s %-20s %-12s %-12s %-16s\n'
printf "$format" step-cold ratio-cold step-warm ratio-warm limit one-conn-per-email startup-jar startup-cds \
	startup-cds-lazy
printf "$format" "${cold}ms" "$(ratio "$cold" "$limit")" "${warm}ms" "$(ratio "$warm" "$limit")" "${limit}ms" \
	"$(step_times "$work/per-email/log" | awk '{print $1}')ms" "${startup}s" "$(startup_s cds)s" "$(startup_s cds-lazy)s"
echo "billstack ${latency_ms}ms, SMTP connection ${smtp_delay_ms}ms, concurrency ${concurrency}, ${users} users"
echo "a Billstack request took $(billstack_request_ms) ms on average, as the job measured it (trigger, 3 runs)"
echo "each step: ms until the last email was accepted / ms until the last account was created"
for run in 1 2 3; do echo "cli-$run: $(step_times "$work/cli-$run/log" | awk '{print $1 " / " $2}')"; done
step_times "$work/trigger/log" | awk '{print "trigger run " NR ": " $1 " / " $2}'
for run in cli-1 cli-2 cli-3 per-email trigger cds cds-lazy; do echo "$run: $(result "$run")"; done
