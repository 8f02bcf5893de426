#!/usr/bin/env bash
# Benchmark of one run on the demo profile (50 users) against a slow Billstack and a slow mail
# relay. Prints, side by side:
#   - the provisioning step's time (from its start until its last email is accepted),
#   - the physical limit: 50 users x Billstack latency / concurrency,
#   - their ratio (goal: <= 1.3),
#   - the same step with one SMTP connection per email (app.mail.connection-per-email=true),
#   - the start-up time of the plain jar, of the extracted jar with a CDS archive, and of the
#     extracted jar with a CDS archive and lazy initialisation.
# The relay is the demo's in-process GreenMail behind scripts/SmtpLatencyProxy.java, which holds
# every new connection for the given delay before the greeting (like TLS + login to a distant relay).
#
# Usage: scripts/benchmark.sh [billstack latency ms, default 300] [SMTP connection delay ms, default 300]
#                             [first of two free ports, default 18100]
# KEEP=1 keeps the runs' logs (the path is printed).
# Needs: ./mvnw -B -q -pl demo -am package -DskipTests (demo/target/demo.jar: the job on the demo stand-ins), a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/.."
latency_ms="${1:-300}"
smtp_delay_ms="${2:-300}"
proxy_port="${3:-18100}"
smtp_port=$((proxy_port + 1))
users=50
concurrency=8
jar=demo/target/demo.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -pl demo -am package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
java scripts/SmtpLatencyProxy.java "$proxy_port" "$smtp_port" "$smtp_delay_ms" >"$work/proxy.log" 2>&1 &
proxy_pid=$!
trap 'kill "$proxy_pid" 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "logs in $work" || rm -rf "$work"' EXIT
for _ in $(seq 1 150); do grep -q listening "$work/proxy.log" && break; sleep 0.2; done

millis() { date -d "$1" +%s%3N; }

# run_once NAME JAVA_LAUNCH... -- APP_OPTIONS...: one demo run on a fresh data directory
run_once() {
	local name="$1" dir="$work/$1"
	shift
	mkdir -p "$dir"
	local launch=()
	while [ "$1" != "--" ]; do launch+=("$1"); shift; done
	shift
	BATCH_DB_URL="jdbc:h2:file:$dir/batch" "${launch[@]}" --spring.profiles.active=demo \
		--app.demo.data-dir="$dir" --app.demo.billstack.latency="${latency_ms}ms" \
		--app.demo.smtp.port="$smtp_port" --spring.mail.port="$proxy_port" \
		--app.job.concurrency="$concurrency" "$@" 2>"$dir/log" >"$dir/out" || true
}

step_ms() {
	local log="$work/$1/log" start end
	start=$(grep -m1 'Executing step: \[provisionAccountsStep\]' "$log" | awk '{print $1}')
	end=$(grep -m1 'Account emails of the step done' "$log" | awk '{print $1}')
	[ -n "$start" ] && [ -n "$end" ] && echo $(( $(millis "$end") - $(millis "$start") )) || echo "n/a"
}

startup_s() { grep -o 'process running for [0-9.]*' "$work/$1/log" | awk '{print $NF}' || echo "n/a"; }

result() { grep -o '"successCount":[0-9]*\|"emailsSent":[0-9]*' "$work/$1/out" | tr '\n' ' '; }

# 1. the step as it runs now, and the old way (one connection per email)
run_once batched java -Xmx256m -jar "$jar" --
run_once per-email java -Xmx256m -jar "$jar" -- --app.mail.connection-per-email=true

# 2. start-up with Spring Boot's own means: extracted jar + CDS archive from a training run
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
run_once training java -Xmx256m -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh \
	-jar "$work/app/demo.jar" --
run_once cds java -Xmx256m -XX:SharedArchiveFile="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
	-jar "$work/app/demo.jar" --
run_once cds-lazy java -Xmx256m -XX:SharedArchiveFile="$work/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
	-jar "$work/app/demo.jar" -- --spring.main.lazy-initialization=true

limit=$(( users * latency_ms / concurrency ))
step=$(step_ms batched)
ratio=$( [ "$step" != "n/a" ] && awk -v s="$step" -v l="$limit" 'BEGIN { printf "%.2f", s / l }' || echo "n/a")
printf '%-16s %-16s %-7s %-22s %-14s %-14s %-16s\n' provision-step physical-limit ratio one-conn-per-email \
	startup-jar startup-cds startup-cds-lazy
printf '%-16s %-16s %-7s %-22s %-14s %-14s %-16s\n' "${step}ms" "${limit}ms" "$ratio" "$(step_ms per-email)ms" \
	"$(startup_s batched)s" "$(startup_s cds)s" "$(startup_s cds-lazy)s"
echo "billstack ${latency_ms}ms, SMTP connection ${smtp_delay_ms}ms, concurrency ${concurrency}, ${users} users"
for run in batched per-email cds cds-lazy; do echo "$run: $(result "$run")"; done
