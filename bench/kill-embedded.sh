#!/usr/bin/env bash
# Does a 201 survive a SIGKILL on the embedded default database?
#   bench/kill-embedded.sh [kills] [decisions-per-round]     (defaults 10 and 200)
# Each round starts the packaged service exactly as the README's first command does (H2 file
# database under ./data of a fresh directory, no database settings), posts decisions 8 at a time,
# kills the service with SIGKILL once about half have been answered 201, starts it again on the
# same files and fetches every acknowledged decision. Prints acknowledged / stored / lost per
# round; exits 1 if any acknowledged decision was lost.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KILLS="${1:-10}"
DECISIONS="${2:-200}"
PORT="${PORT:-18081}"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
API="http://localhost:$PORT/api/v1"

start() {
  (cd "$WORK" && QUARKUS_HTTP_PORT=$PORT TREDE_MODELS_DIRECTORY="$ROOT/models" \
    exec java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >> "$WORK/service.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "service did not become ready; see its log:" >&2; tail -20 "$WORK/service.log" >&2; exit 2
}
json_id() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }

start
TOKEN=$(curl -sf -X POST "$API/demo-tokens" -H 'Content-Type: application/json' \
  -d '{"account":"case-system-rotterdam"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
export TOKEN API
printf '%-6s %12s %8s %6s\n' round acknowledged stored lost
total_acked=0; total_lost=0
for round in $(seq 1 "$KILLS"); do
  INTAKE=$(curl -sf -X POST "$API/intakes" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"clientReference\": \"KILL-$round\", \"municipalityCode\": \"GM0599\", \"age\": 34, \"monthsOnBenefit\": 14}" | json_id)
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$API/intakes/$INTAKE/recommendations"
  export INTAKE
  ACKED="$WORK/acked-$round"; : > "$ACKED"; export ACKED
  seq 1 "$DECISIONS" | xargs -P 8 -I{} sh -c '
    body=$(curl -s -m 10 -w "\n%{http_code}" -X POST "$API/intakes/$INTAKE/decisions" \
      -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
      -d "{\"interventionCodes\": [\"NONE\"], \"klantmanagerId\": \"km-kill\", \"reasonCode\": \"OTHER\"}") || exit 0
    [ "$(printf "%s" "$body" | tail -1)" = 201 ] && printf "%s\n" "$body" | head -1 | grep -o "\"id\":\"[^\"]*\"" | head -1 | cut -d\" -f4 >> "$ACKED"
    exit 0' &
  LOAD=$!
  while [ "$(wc -l < "$ACKED")" -lt $((DECISIONS / 2)) ] && kill -0 "$LOAD" 2>/dev/null; do sleep 0.02; done
  kill -9 "$PID"; wait "$PID" 2>/dev/null || true
  wait "$LOAD" || true
  acked=$(wc -l < "$ACKED")
  start
  stored=0
  while read -r id; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$API/intakes/$INTAKE/decisions/$id")
    [ "$code" = 200 ] && stored=$((stored + 1))
  done < "$ACKED"
  printf '%-6s %12d %8d %6d\n' "$round" "$acked" "$stored" $((acked - stored))
  total_acked=$((total_acked + acked)); total_lost=$((total_lost + acked - stored))
done
printf '%-6s %12d %8d %6d\n' total "$total_acked" $((total_acked - total_lost)) "$total_lost"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
[ "$total_lost" -eq 0 ]
