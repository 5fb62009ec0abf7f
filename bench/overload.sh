#!/usr/bin/env bash
# Far past capacity, does the service shed load instead of queueing it?
#   bench/overload.sh [seconds-per-phase]     (default 20)
# Starts the packaged service on H2 (a throw-away directory, as bench/run.sh does) and drives it with
# wrk at CONNECTIONS (default 512) connections, far past what two cores carry, in three phases:
#   1. POST /scores (stateless) from one caller, its rate limit lifted: the concurrency limit
#      (trede.overload.max-concurrent-requests) must shed with 503;
#   2. POST /intakes (three writes each, serialised on the audit chain), likewise;
#   3. POST /scores from one caller under the shipped rate limit: 429, while a second caller's
#      requests, sent beside it, are still carried out.
# Per phase: the answers by status, socket errors (connect/read/write/timeout), p50/p99/max latency,
# and the heap in use after a full GC before and after. Exits 1 if any answer is not 2xx, 429 or 503
# with Retry-After, if a request timed out (10 s), or if the heap after GC grew by more than 64 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
CONNECTIONS="${CONNECTIONS:-512}"
PORT=18116
WORK=$(mktemp -d)
. bench/service.sh
trap 'stop_service; rm -rf "$WORK"' EXIT
build_embedded
API="http://localhost:$PORT/api/v1"
FAILED=0

phase() { # title url (with load's environment: BODY_FILE or INTAKE_BODY)
  local title=$1 url=$2
  echo "$title"
  local before; before=$(heap_after_gc)
  COUNT_STATUSES=1 load phase "$url" -c"$CONNECTIONS" --timeout 10s > "$WORK/line"
  local after; after=$(heap_after_gc)
  read -r _ rps p50 p99 _ < "$WORK/line"
  local statuses; statuses=$(grep '^statuses:' "$WORK/wrk.out" | cut -d: -f2)
  local errors; errors=$(grep 'Socket errors' "$WORK/wrk.out" | sed 's/^ *Socket errors: *//' || true)
  echo "  answers:$statuses; ${rps} answers/s; p50 $p50 ms, p99 $p99 ms, $(awk '/Latency/ { print "max " $4; exit }' "$WORK/wrk.out")"
  echo "  socket errors: ${errors:-none}"
  echo "  heap in use after GC: $before MB before, $after MB after"
  for s in $statuses; do case "${s%x*}" in 2??|429|503) ;; *) echo "  FAIL: answers with status ${s%x*}"; FAILED=1 ;; esac; done
  if [ -n "$errors" ] && ! printf '%s' "$errors" | grep -q 'timeout 0$'; then echo "  FAIL: requests timed out"; FAILED=1; fi
  if [ $((after - before)) -gt 64 ]; then echo "  FAIL: the heap grew by $((after - before)) MB"; FAILED=1; fi
}

# Retry-After on a shed answer, checked on one request sent while wrk saturates the service.
retry_after_while() { # url body-file
  sleep $((DURATION / 2))
  curl -s -o /dev/null -D - -X POST "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @"$2" \
    | tr -d '\r' | awk 'NR == 1 { s = $2 } tolower($1) == "retry-after:" { r = $2 } END { print s, (r == "" ? "-" : r) }'
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $CONNECTIONS connections, $DURATION s per phase"
# Phases 1 and 2 measure the concurrency limit alone: one caller, its rate limit out of reach.
TREDE_RATE_LIMIT_REQUESTS=$UNLIMITED_RATE start_service target/quarkus-app "$PORT" "$H2_URL"
tokens "$PORT"
retry_after_while "$API/scores" "$WORK/score.json" > "$WORK/probe" &
PROBE=$!
BODY_FILE="$WORK/score.json" phase "phase 1: POST /scores, one caller, rate limit lifted" "$API/scores"
wait "$PROBE"; read -r status retry < "$WORK/probe"
echo "  a request sent mid-phase: $status, Retry-After ${retry}"
[ "$status" = 503 ] && [ "$retry" = - ] && { echo "  FAIL: 503 without Retry-After"; FAILED=1; }
INTAKE_BODY=1 phase "phase 2: POST /intakes, one caller, rate limit lifted" "$API/intakes"
stop_service

start_service target/quarkus-app "$PORT" "$H2_URL"
tokens "$PORT"
GREEDY=$TOKEN
tokens "$PORT"
# A second caller, at a polite rate beside the flood: its answers must stay 2xx.
(for _ in $(seq 1 $((DURATION * 2))); do
   curl -s -o /dev/null -w '%{http_code}\n' -X POST "$API/scores" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @"$WORK/score.json"
   sleep 0.5
 done > "$WORK/polite") &
POLITE=$!
TOKEN=$GREEDY BODY_FILE="$WORK/score.json" phase "phase 3: POST /scores, one caller, the shipped rate limit ($(grep '^trede.rate-limit.requests' src/main/resources/application.properties | cut -d= -f2) per $(grep '^trede.rate-limit.window' src/main/resources/application.properties | cut -d= -f2))" \
  "$API/scores"
wait "$POLITE"
echo "  a second caller beside it, one request every 0.5 s: $(sort "$WORK/polite" | uniq -c | awk '{ printf "%s%sx%s", (NR > 1 ? ", " : ""), $2, $1 }')"
grep -qv '^2' "$WORK/polite" && { echo "  (the second caller was also refused: the concurrency limit, which all callers share)"; }
stop_service
[ "$FAILED" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
