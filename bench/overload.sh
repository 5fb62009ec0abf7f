#!/usr/bin/env bash
# Far past capacity, does the service shed load instead of queueing it?
#   bench/overload.sh [seconds-per-phase]     (default 20)
# Starts the packaged service (H2, a throw-away directory) and drives POST /api/v1/scores with wrk
# far past what two cores carry: phase 1, 512 connections from one caller with the rate limit lifted,
# so that the concurrency limit (trede.overload.max-concurrent-requests) sheds with 503; phase 2, the
# shipped rate limit, so that the one caller is answered 429. Prints the answers by status, p50/p99
# latency and the heap used (after a full GC) before, between and after. The 10-minute soak that
# shows flat heap and latency over time is bench/soak.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
PORT="${PORT:-18116}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
PROFILE='"age": 34, "educationLevel": "MBO_2_4", "dutchLanguageLevel": "B2", "monthsOnBenefit": 14, "monthsSinceLastJob": 20'
echo "{ $PROFILE }" > "$WORK/score.json"
export BODY_FILE="$WORK/score.json" TOKEN

start() { # extra environment for the service
  (cd "$WORK" && env "$@" QUARKUS_HTTP_PORT=$PORT TREDE_MODELS_DIRECTORY="$OLDPWD/models" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$WORK/trede;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    exec java -Xmx512m -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$WORK/service.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
  TOKEN=$(curl -sf -X POST "localhost:$PORT/api/v1/demo-tokens" -H 'Content-Type: application/json' \
    -d '{"account":"case-system-rotterdam"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
heap() { jcmd "$(pgrep -P "$PID" java || echo "$PID")" GC.run >/dev/null 2>&1 || true
  jcmd "$(pgrep -P "$PID" java || echo "$PID")" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i + 1); exit } }'; }
load() { wrk -t4 -c512 -d"${DURATION}s" --timeout 10s -s bench/status-counts.lua "http://localhost:$PORT/api/v1/scores" | grep -E '^(statuses|p50)'; }

echo "phase 1: 512 connections, one caller, rate limit lifted (concurrency limit sheds with 503)"
start TREDE_RATE_LIMIT_REQUESTS=100000000
echo "  heap used before: $(heap)"
load | sed 's/^/  /'
echo "  heap used after:  $(heap)"
stop
echo "phase 2: 512 connections, one caller, the shipped rate limit (429)"
start
echo "  heap used before: $(heap)"
load | sed 's/^/  /'
echo "  heap used after:  $(heap)"
stop
