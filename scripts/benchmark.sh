#!/usr/bin/env bash
# Benchmark of one run on the demo profile: how long 50 users take with a slow Billstack, with
# concurrent processing (app.job.concurrency, default 8) and sequentially, and the heap used.
# Usage: scripts/benchmark.sh [billstack latency, default 500ms]
# Needs: ./mvnw -B -q package -DskipTests (demo/target/demo.jar: the job on the demo stand-ins).
set -euo pipefail
cd "$(dirname "$0")/.."
latency="${1:-500ms}"
jar=demo/target/demo.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }

run_once() {
	local concurrency="$1" dir
	dir=$(mktemp -d)
	local start end
	start=$(date +%s%N)
	BATCH_DB_URL="jdbc:h2:file:$dir/batch" java -Xmx256m -jar "$jar" \
		--app.demo.data-dir="$dir" --app.demo.billstack.latency="$latency" \
		--app.job.concurrency="$concurrency" 2>"$dir/log" >"$dir/out"
	end=$(date +%s%N)
	local step
	step=$(grep -o 'Step: \[provisionAccountsStep\] executed in [0-9a-z]*' "$dir/log" | awk '{print $NF}')
	printf '%-12s %-10s %-18s %-12s %s\n' "$concurrency" "$latency" "$step" \
		"$(( (end - start) / 1000000 ))ms" "$(grep -o '"successCount":[0-9]*' "$dir/out")"
	rm -rf "$dir"
}

printf '%-12s %-10s %-18s %-12s %s\n' concurrency latency provision-step process result
run_once 8
run_once 1
