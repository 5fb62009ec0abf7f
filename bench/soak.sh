#!/usr/bin/env bash
# Does the service stay flat under a long, steady load?
#   bench/soak.sh [minutes]        (default 10)
# Starts the packaged service on H2 (as bench/run.sh does), measures the saturated throughput of
# the stateless full advice (POST /advice) and of intakes for 15 s each, then for every minute
# loads both at once at about half of that, and prints per minute: throughput, p99 latency and
# failed requests (non-2xx or socket errors) of each, and the heap in use after a full GC.
# Exits 1 if any request failed.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-10}"
PORT=18114
WORK=$(mktemp -d)
. bench/service.sh
export TREDE_RATE_LIMIT_REQUESTS=$UNLIMITED_RATE
trap 'stop_service; rm -rf "$WORK"' EXIT
build_embedded
API="http://localhost:$PORT/api/v1"
start_service target/quarkus-app "$PORT" "$H2_URL"
tokens "$PORT"

DURATION=15
BODY_FILE="$WORK/score.json" load warmup "$API/advice" > /dev/null
ADVICE_FULL=$(BODY_FILE="$WORK/score.json" load advice "$API/advice" | awk '{print $2}')
INTAKE_FULL=$(INTAKE_BODY=1 load intakes "$API/intakes" | awk '{print $2}')
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "saturated: advice $ADVICE_FULL req/s, intakes $INTAKE_FULL req/s; soak at about half of each, $MINUTES minutes"
printf '%6s %12s %10s %12s %10s %8s %14s\n' minute "advice r/s" "p99 ms" "intakes r/s" "p99 ms" failed "heap after GC"
DURATION=60
FAILED=0
for minute in $(seq 1 "$MINUTES"); do
  WORK_A="$WORK/a"; WORK_I="$WORK/i"; mkdir -p "$WORK_A" "$WORK_I"
  # BODY_FILE before WORK=: the assignments are made in order, and the body is in this WORK.
  (BODY_FILE="$WORK/score.json" WORK=$WORK_A RATE_DELAY_MS=$(half_rate_delay "$ADVICE_FULL") load advice "$API/advice" > "$WORK/a.line") &
  ADVICE_LOAD=$!
  (WORK=$WORK_I RATE_DELAY_MS=$(half_rate_delay "$INTAKE_FULL") INTAKE_BODY=1 load intakes "$API/intakes" > "$WORK/i.line") &
  wait "$ADVICE_LOAD" $!   # not a bare wait: the service is a child of this shell too
  read -r _ ar _ ap99 af _ < "$WORK/a.line"
  read -r _ ir _ ip99 if_ _ < "$WORK/i.line"
  FAILED=$((FAILED + af + if_))
  printf '%6d %12d %10.2f %12d %10.2f %8d %11s MB\n' "$minute" "$ar" "$ap99" "$ir" "$ip99" $((af + if_)) "$(heap_after_gc)"
done
echo "failed requests in all: $FAILED"
[ "$FAILED" -eq 0 ]
