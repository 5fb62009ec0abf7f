#!/usr/bin/env bash
# Does SIGTERM let the requests in flight finish before the service exits?
#   bench/graceful-shutdown.sh [profiles-per-batch]     (default 20000)
# Starts the packaged service on H2 (a throw-away directory), sends 4 caseloads to POST
# /score-batches at once (each takes seconds to answer), and sends SIGTERM as soon as every one of
# them has begun to answer. Then: every batch in flight must be answered whole (200, one line per
# profile, curl exit 0), a request sent 0.5 s after the signal must get an answer or be refused,
# never be cut (curl: empty reply or reset), and the process must exit. The same run is repeated with the graceful phase switched
# off (QUARKUS_SHUTDOWN_TIMEOUT=0s) as the control: there the batches in flight are cut, which
# shows that the first run can fail. Exits 1 if the shipped configuration cut a request.
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILES="${1:-20000}"
PORT=18140
WORK=$(mktemp -d)
. bench/service.sh
trap 'stop_service; rm -rf "$WORK"' EXIT
build_embedded
API="http://localhost:$PORT/api/v1"
awk -v n="$PROFILES" 'BEGIN { for (i = 1; i <= n; i++) printf "{\"age\": %d, \"monthsOnBenefit\": %d, \"expectsWork\": true}\n", 18 + i % 49, i % 120 }' \
  > "$WORK/caseload.jsonl"

round() { # label: prints "cut N of 4, after the signal: STATUS, exit after S s"; sets CUT
  local label=$1
  local -a BATCH
  start_service target/quarkus-app "$PORT" "$H2_URL"
  tokens "$PORT"
  for b in 1 2 3 4; do
    curl -s -N -o "$WORK/answer-$b" -w '%{http_code}' -X POST "$API/score-batches" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/caseload.jsonl" > "$WORK/status-$b" 2>/dev/null &
    BATCH[b]=$!
  done
  for _ in $(seq 1 600); do
    ready=0; for b in 1 2 3 4; do [ -s "$WORK/answer-$b" ] && ready=$((ready + 1)); done
    [ "$ready" -eq 4 ] && break; sleep 0.05
  done
  local signalled; signalled=$(date +%s.%N)
  kill -TERM "$PID"
  sleep 0.5
  local after rc
  after=$(curl -s -o /dev/null -m 5 -w '%{http_code}' -X POST "$API/scores" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d @"$WORK/score.json") && rc=0 || rc=$?
  after="$after (curl exit $rc)"
  AFTER_CUT=0; case $rc in 52|56) AFTER_CUT=1 ;; esac
  wait "$PID" 2>/dev/null || true; PID=
  local exited; exited=$(date +%s.%N)
  CUT=0
  for b in 1 2 3 4; do
    wait "${BATCH[b]}" && rc=0 || rc=$?
    lines=$(wc -l < "$WORK/answer-$b")
    if [ "$rc" -ne 0 ] || [ "$(cat "$WORK/status-$b")" != 200 ] || [ "$lines" -ne "$PROFILES" ]; then CUT=$((CUT + 1)); fi
    echo "  batch $b: status $(cat "$WORK/status-$b"), $lines of $PROFILES answer lines, curl exit $rc"
    rm -f "$WORK/answer-$b" "$WORK/status-$b"
  done
  printf '%s: %d of 4 batches in flight cut; a request sent 0.5 s after the signal: %s; exited %.1f s after the signal\n' \
    "$label" "$CUT" "$after" "$(awk -v a="$signalled" -v b="$exited" 'BEGIN { print b - a }')"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), 4 batches of $PROFILES profiles"
round "shipped (quarkus.shutdown.timeout=25s)"
SHIPPED_CUT=$((CUT + AFTER_CUT))
rm -rf "$WORK"/trede*
QUARKUS_SHUTDOWN_TIMEOUT=0s round "control (QUARKUS_SHUTDOWN_TIMEOUT=0s)"
if [ "$SHIPPED_CUT" -eq 0 ]; then echo PASS; else echo FAIL; exit 1; fi
