#!/usr/bin/env bash
# What shadow scoring costs a live intake (README "Shadow scoring of live intakes").
#   bench/shadow.sh [seconds-per-run]        (default 15; WARMUP seconds of load first, default 30)
# Starts the embedded build on a throw-away H2 database (with AUTO_SERVER, so that this script can
# add a model version beside the running service: the shipped models under a second number, which
# shadows exactly as a retrained set of the same kind would), and loads POST /intakes with wrk, at
# full load and at about half of it, first without a shadow, then with that version shadowing.
# Prints per run: req/s, p50 and p99 in ms, failed answers, the service's CPU µs per intake (the
# shadow's worker included), and how many intakes the shadow stored, dropped (queue full) or failed;
# then the shadow worker's own CPU per stored intake (trede_shadow_cpu_seconds: the thread's CPU time,
# which a loaded machine and the JIT's compiler threads do not inflate as they do the process's).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
PORT="${BENCH_PORT:-18107}"
WORK=$(mktemp -d)
. bench/service.sh
export TREDE_RATE_LIMIT_REQUESTS=$UNLIMITED_RATE
trap 'stop_service; rm -rf "$WORK"' EXIT
build_embedded
URL="$H2_URL;AUTO_SERVER=TRUE"
API="http://localhost:$PORT/api/v1"
account_token() {
  curl -sf -X POST "$API/demo-tokens" -H 'Content-Type: application/json' -d "{\"account\":\"$1\"}" \
    | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
shadow_counts() { # stored dropped failed, so far
  curl -sf "http://localhost:$PORT/q/metrics" -H "Authorization: Bearer $OPERATOR" | awk '
    /^trede_shadow_intakes_total/ { split($0, a, "outcome=\""); split(a[2], o, "\""); n[o[1]] = $NF }
    END { printf "%d %d %d", n["stored"], n["dropped"], n["failed"] }'
}
run() { # name [RATE_DELAY_MS]: one intake load, with the shadow's counts during it
  local before after
  before=$(shadow_counts)
  RATE_DELAY_MS="${2:-}" INTAKE_BODY=1 load "$1" "$API/intakes" > "$WORK/line"
  sleep 2  # the worker finishes what it was handed
  after=$(shadow_counts)
  printf '%s %s\n' "$(cat "$WORK/line")" "$(paste -d' ' <(echo "$after" | tr ' ' '\n') <(echo "$before" | tr ' ' '\n') \
    | awk '{ printf "%d ", $1 - $2 }')"
}

start_service target/quarkus-app "$PORT" "$URL"
tokens "$PORT"
OPERATOR=$(account_token operator)
DATA_SCIENTIST=$(account_token data-scientist-rotterdam)
H2_JAR=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)
java -cp "$H2_JAR" org.h2.tools.Shell -url "$URL" -user trede -password "" -sql \
  "INSERT INTO model_version (version, distance_version, effects_version, catalogue_version, registered_at, registered_by, provenance)
   SELECT nextval('model_version_number'), distance_version, effects_version, catalogue_version, CURRENT_TIMESTAMP, 'bench/shadow.sh',
   '{\"source\":\"the shipped models under a second number\"}' FROM model_version WHERE version = 1" >/dev/null
SHADOW=$(java -cp "$H2_JAR" org.h2.tools.Shell -url "$URL" -user trede -password "" -sql "SELECT max(version) FROM model_version" \
  | awk 'NR == 2 { print $1 }')

# Warm the JIT before the first measured run: with 5 s it was still compiling through the runs without a
# shadow (12 ms of CPU per intake against 3.5 ms later), which made them no baseline.
DURATION_SAVED=$DURATION; DURATION="${WARMUP:-30}"
INTAKE_BODY=1 load warmup "$API/intakes" >/dev/null
DURATION=$DURATION_SAVED
{
  echo "run req/s p50_ms p99_ms failed cpu_us_per_intake shadow_stored shadow_dropped shadow_failed"
  run no-shadow:full | tee "$WORK/full"
  HALF=$(half_rate_delay "$(awk '{print $2}' "$WORK/full")")
  run no-shadow:half "$HALF"
  curl -sf -X PUT "$API/models/shadow" -H "Authorization: Bearer $DATA_SCIENTIST" -H 'Content-Type: application/json' \
    -d "{\"version\": $SHADOW, \"reason\": \"bench/shadow.sh\"}" >/dev/null
  INTAKE_BODY=1 DURATION=5 load warmup "$API/intakes" >/dev/null
  run shadow:full
  run shadow:half "$HALF"
} | column -t
curl -sf "http://localhost:$PORT/q/metrics" -H "Authorization: Bearer $OPERATOR" | awk '
  /^trede_shadow_cpu_seconds_count/ { n = $NF } /^trede_shadow_cpu_seconds_sum/ { s = $NF }
  END { printf "shadow worker CPU per stored intake: %.0f µs (mean of %d)\n", n ? s * 1e6 / n : 0, n }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; ${DURATION} s per run, H2 (durable commits)"
