#!/usr/bin/env bash
# Benchmark of a run on the demo against a slow Billstack and a slow mail relay, for several run
# sizes N (app.job.max-users-per-run). Prints, side by side for each N:
#   - the provisioning step (from its start until its last email is accepted) and the whole run,
#     cold (a new command-line JVM, start-up excluded: from the job's launch to its end) and warm
#     (the demo trigger's second and third runs, their mean; the whole run is the delivery from
#     request to answer, as the trigger's http.server.requests timer measured it);
#   - L, the Billstack request time as the job measured it (its Micrometer timer, warm runs);
#   - the limit ceil(N / c) x L (c = app.job.concurrency, 8) and each ratio to it;
#   - the heap after a full GC in the trigger after its three runs (jcmd GC.run);
#   - against a relay whose every reply is delayed by RELAY_RTT ms (50), in a new command-line JVM:
#     when the last email was accepted, from the provisioning step's start (the run's first Billstack
#     request), with one SMTP connection and with the pool
#     (app.mail.connections, 4), and the relay goal 1.3 x max(limit, N x 4 x RTT / connections).
# The relay is the demo's in-process GreenMail behind scripts/SmtpLatencyProxy.java: for the step
# and run figures it holds every new connection 300 ms before the greeting (like TLS and a login
# to a distant relay); for the relay figures it delays every reply by RELAY_RTT ms instead.
# Users beyond the sample's are generated into each fresh data folder by scripts/SeedDemoUsers.java.
#
# Usage: scripts/benchmark.sh [billstack latency ms, default 300] [SMTP connection delay ms, default 300]
#                             [first of five free ports, default 18100]
# SIZES="50 200 1000" (the default) chooses N. BEFORE=path/to/other/demo.jar measures that jar too,
# in the same session (step and run figures only), for a before/after table. RELAY=0 skips the
# relay figures. KEEP=1 keeps the runs' logs (the path is printed). JOB_SETTINGS="--app.job.chunk-size=24"
# adds settings to every run.
# Takes about 12 minutes with the defaults (the relay run with one connection at N = 1000 alone
# takes about 3.5 minutes); not part of ./mvnw verify.
# Needs: ./mvnw -B -q -pl demo -am package -DskipTests (demo/target/demo.jar: the job on the demo stand-ins),
# a JDK 17+ (java, jcmd), python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
latency_ms="${1:-300}"
smtp_delay_ms="${2:-300}"
proxy_port="${3:-18100}"
smtp_port=$((proxy_port + 1))
trigger_port=$((proxy_port + 2))
trigger_management_port=$((proxy_port + 3))
relay_port=$((proxy_port + 4))
sizes="${SIZES:-50 200 1000}"
relay_rtt_ms="${RELAY_RTT:-50}"
pool=4
concurrency=8
jar=demo/target/demo.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -pl demo -am package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
java scripts/SmtpLatencyProxy.java "$proxy_port" "$smtp_port" "$smtp_delay_ms" >"$work/proxy.log" 2>&1 &
proxy_pid=$!
java scripts/SmtpLatencyProxy.java "$relay_port" "$smtp_port" 0 "$relay_rtt_ms" >"$work/relay.log" 2>&1 &
relay_pid=$!
trigger_pid=""
cleanup() {
	kill "$proxy_pid" "$relay_pid" 2>/dev/null || true
	[ -n "$trigger_pid" ] && kill "$trigger_pid" 2>/dev/null || true
	if [ -n "${KEEP:-}" ]; then echo "logs in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
for _ in $(seq 1 150); do grep -q listening "$work/proxy.log" && grep -q listening "$work/relay.log" && break; sleep 0.2; done

# demo_settings DIR MAIL_PORT N: the settings of every run
demo_settings() {
	echo --spring.profiles.active=demo --app.demo.data-dir="$1" --app.demo.billstack.latency="${latency_ms}ms" \
		--app.demo.smtp.port="$smtp_port" --spring.mail.port="$2" --app.job.concurrency="$concurrency" \
		--app.job.max-users-per-run="$3" ${JOB_SETTINGS:-}
}

# seed LABEL DIR COUNT: a fresh data folder with the sample data and COUNT generated users
seed() {
	java -cp "$work/$1/app/demo.jar:$work/$1/app/lib/*" scripts/SeedDemoUsers.java "$2" "$3" >"$2.seed.log" 2>&1
}

# run_cli LABEL NAME N MAIL_PORT APP_OPTIONS...: one command-line run in a new JVM on a fresh data folder
run_cli() {
	local label="$1" name="$2" n="$3" mail_port="$4" dir="$work/$1/$2"
	shift 4
	seed "$label" "$dir" "$n"
	# shellcheck disable=SC2046
	BATCH_DB_URL="jdbc:h2:file:$dir/batch" java -Xmx256m -jar "$work/$label/demo.jar" \
		$(demo_settings "$dir" "$mail_port" "$n") "$@" 2>"$dir/log" >"$dir/out" || true
}

# prometheus_sum FILE NAME: the sum of a Prometheus series over its labels (POST only for http: the
# trigger's deliveries, not the scrapes)
prometheus_sum() {
	awk -v name="$2" '$1 ~ "^" name "[{ ]" || $1 == name { if (name !~ /http/ || $0 ~ /method="POST"/) s += $NF }
		END { printf "%.6f", s }' "$1"
}

# trigger_runs LABEL N: the demo trigger on a fresh data folder, three signed runs one after the other
trigger_runs() {
	local label="$1" n="$2" dir="$work/$1/trigger-$2"
	seed "$label" "$dir" $((3 * n))
	# shellcheck disable=SC2046
	BATCH_DB_URL="jdbc:h2:file:$dir/batch" java -Xmx256m -jar "$work/$label/demo.jar" trigger \
		$(demo_settings "$dir" "$proxy_port" "$n") --server.port="$trigger_port" \
		--management.server.port="$trigger_management_port" >"$dir/log" 2>&1 &
	trigger_pid=$!
	for _ in $(seq 1 300); do grep -q 'Started DemoApplication' "$dir/log" && break; sleep 0.2; done
	grep -q 'Started DemoApplication' "$dir/log" ||
		{ echo "the demo trigger did not start (port $trigger_port taken?): $dir/log" >&2; KEEP=1; exit 1; }
	for run in 1 2 3; do
		java -jar "$work/$label/demo.jar" trigger test-cron --server.port="$trigger_port" >"$dir/out$run" 2>/dev/null || true
		curl -s "http://127.0.0.1:$trigger_management_port/actuator/prometheus" >"$dir/prometheus$run" || true
	done
	jcmd "$trigger_pid" GC.run >/dev/null 2>&1 || true
	jcmd "$trigger_pid" GC.heap_info >"$dir/heap" 2>&1 || true
	kill "$trigger_pid" 2>/dev/null || true
	wait "$trigger_pid" 2>/dev/null || true
	trigger_pid=""
}

# times LOG: one line per run in the log: "STEP_MS RUN_MS LAST_EMAIL_MS", where the step runs from
# its start to its last email accepted, the run from the job's launch to its end, and the last
# email from the step's start (the run's first Billstack request) to the last "account email sent"
# line (logged once the relay accepted the email)
times() {
	python3 - "$1" <<'PY'
import datetime, sys
def at(line):
    return datetime.datetime.fromisoformat(line[:23])
def ms(a, b):
    return round((b - a).total_seconds() * 1000) if a and b else "n/a"
launched = step = step_ms = last_email = None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if "createDedicatedAccountsJob]] launched" in line:
        launched, step, step_ms, last_email = at(line), None, "n/a", None
    elif "Executing step: [provisionAccountsStep]" in line:
        step = at(line)
    elif "account email sent" in line:
        last_email = at(line)
    elif step and "Account emails of the step done" in line:
        step_ms = ms(step, at(line))
    elif launched and "createDedicatedAccountsJob]] completed" in line:
        print(step_ms, ms(launched, at(line)), ms(step, last_email))
        launched = None
PY
}

mean() { awk '/^[0-9.]+$/ {s += $1; c++} END {if (c) printf "%.0f", s / c; else print "n/a"}'; }

ratio() { [ "$1" != "n/a" ] && [ "$2" != "n/a" ] && awk -v s="$1" -v l="$2" 'BEGIN { printf "%.2f", s / l }' || echo "n/a"; }

# measure LABEL RELAY: every figure of one jar, one line per N in $work/LABEL/results
measure() {
	local label="$1" relay="$2"
	mkdir -p "$work/$label"
	java -Djarmode=tools -jar "$work/$label/demo.jar" extract --destination "$work/$label/app" >/dev/null
	for n in $sizes; do
		run_cli "$label" "cli-$n" "$n" "$proxy_port"
		trigger_runs "$label" "$n"
		local one="n/a" pooled="n/a"
		if [ "$relay" = 1 ]; then
			run_cli "$label" "relay1-$n" "$n" "$relay_port" --app.mail.connections=1
			run_cli "$label" "relay$pool-$n" "$n" "$relay_port" --app.mail.connections="$pool"
			one=$(times "$work/$label/relay1-$n/log" | awk '{print $3}')
			pooled=$(times "$work/$label/relay$pool-$n/log" | awk '{print $3}')
		fi
		local t="$work/$label/trigger-$n" cold_step cold_run warm_step warm_run l heap
		read -r cold_step cold_run _ <<<"$(times "$work/$label/cli-$n/log" | tail -1) n/a n/a n/a"
		warm_step=$(times "$t/log" | tail -n +2 | awk '{print $1}' | mean)
		# request to answer of runs 2 and 3: the timer's sum after run 3 less after run 1, halved
		warm_run=$(awk -v a="$(prometheus_sum "$t/prometheus1" http_server_requests_seconds_sum)" \
			-v b="$(prometheus_sum "$t/prometheus3" http_server_requests_seconds_sum)" \
			'BEGIN { if (b > a) printf "%.0f", (b - a) / 2 * 1000; else print "n/a" }')
		# L: Billstack requests of runs 2 and 3
		l=$(awk -v s1="$(prometheus_sum "$t/prometheus1" dedicated_accounts_billstack_requests_seconds_sum)" \
			-v c1="$(prometheus_sum "$t/prometheus1" dedicated_accounts_billstack_requests_seconds_count)" \
			-v s3="$(prometheus_sum "$t/prometheus3" dedicated_accounts_billstack_requests_seconds_sum)" \
			-v c3="$(prometheus_sum "$t/prometheus3" dedicated_accounts_billstack_requests_seconds_count)" \
			'BEGIN { if (c3 > c1) printf "%.0f", (s3 - s1) / (c3 - c1) * 1000; else print "n/a" }')
		heap=$(grep -o 'used [0-9]*K' "$t/heap" | head -1 | awk '{printf "%.0f", $2 / 1024}')
		echo "$n $cold_step $cold_run ${warm_step:-n/a} ${warm_run:-n/a} ${l:-n/a} ${heap:-n/a} ${one:-n/a}" \
			"${pooled:-n/a}" >>"$work/$label/results"
		echo "$(date -u +%H:%M:%S) $label N=$n done; uptime: $(uptime | sed 's/.*load average/load average/')" >&2
		for f in "$work/$label/cli-$n/out" "$t/out1" "$t/out2" "$t/out3"; do
			echo "  $f: $(grep -ho '"successCount":[0-9]*\|"emailsSent":[0-9]*' "$f" | tr '\n' ' ')" >>"$work/$label/counts"
		done
	done
}

labels=()
if [ -n "${BEFORE:-}" ]; then
	mkdir -p "$work/before" && cp "$BEFORE" "$work/before/demo.jar"
	labels+=(before)
	measure before 0
fi
mkdir -p "$work/after" && cp "$jar" "$work/after/demo.jar"
labels+=(after)
measure after "${RELAY:-1}"

echo
echo "billstack ${latency_ms}ms, SMTP connection ${smtp_delay_ms}ms, concurrency ${concurrency}, relay reply delay ${relay_rtt_ms}ms"
echo "L = Billstack request as the job measured it (warm runs); limit = ceil(N/${concurrency}) x L; times in ms;"
echo "step: start to last email accepted; run: cold = launch to end, warm = request to answer"
format='%-7s %-5s %-5s %-7s %-6s %-10s %-10s %-10s %-10s %-10s %-10s %-10s %-10s %-7s %-10s %-10s %-10s %-6s\n'
printf "$format" jar N L limit heapMB step-cold ratio run-cold ratio step-warm ratio run-warm ratio \
	relay-1 relay-$pool relay-goal ratio-$pool ok
for label in "${labels[@]}"; do
	while read -r n cold_step cold_run warm_step warm_run l heap one pooled; do
		limit=$(awk -v n="$n" -v c="$concurrency" -v l="$l" \
			'BEGIN { if (l == "n/a") print "n/a"; else printf "%.0f", int((n + c - 1) / c) * l }')
		goal=$(awk -v lim="$limit" -v n="$n" -v rtt="$relay_rtt_ms" -v p="$pool" \
			'BEGIN { m = n * 4 * rtt / p; if (lim != "n/a" && lim > m) m = lim; printf "%.0f", 1.3 * m }')
		printf "$format" "$label" "$n" "$l" "$limit" "$heap" "$cold_step" "$(ratio "$cold_step" "$limit")" \
			"$cold_run" "$(ratio "$cold_run" "$limit")" "$warm_step" "$(ratio "$warm_step" "$limit")" \
			"$warm_run" "$(ratio "$warm_run" "$limit")" "$one" "$pooled" "$goal" "$(ratio "$pooled" "$goal")" \
			"$(awk -v p="$pooled" -v g="$goal" 'BEGIN { print (p != "n/a" && p <= g) ? "yes" : "no" }')"
	done <"$work/$label/results"
done
echo "goals: step-warm <= 1.05, run-warm <= 1.2, step-cold <= 1.2 (x limit); relay-$pool <= relay-goal"
echo "accounts created and emails sent per run (cli, then the trigger's three runs):"
for label in "${labels[@]}"; do cat "$work/$label/counts"; done | sed "s|$work/||"
uptime
