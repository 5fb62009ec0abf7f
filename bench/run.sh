#!/usr/bin/env bash
# Throughput of Trede's main calls against the HTTP floor of the same server, measured in one run
# and reported as ratios (the machines are noisy; absolute numbers are not comparable across runs).
#   bench/run.sh [seconds-per-endpoint]     (default 15)
# Starts the packaged service on a free port with a throw-away H2 database, loads it over loopback
# with wrk (2 threads, 16 connections), and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
PORT=18080
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$WORK/trede;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
  java -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done

export TOKEN
TOKEN=$(curl -sf -X POST "localhost:$PORT/api/v1/demo-tokens" -H 'Content-Type: application/json' \
  -d '{"account":"case-system-rotterdam"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
PROFILE='"age": 34, "educationLevel": "MBO_2_4", "dutchLanguageLevel": "B2", "monthsOnBenefit": 14,
  "monthsSinceLastJob": 20, "yearsWorkExperience": 6, "healthLimitation": "NONE", "careDuties": false,
  "problematicDebts": false, "unstableHousing": false, "drivingLicence": true, "motivation": 4,
  "jobSearchSelfEfficacy": 3, "expectsWork": true, "participationRung": 3, "labourMarketTightness": 0.9'
echo "{ $PROFILE }" > "$WORK/score.json"
echo "{ \"clientReference\": \"BENCH-1\", \"municipalityCode\": \"GM0599\", $PROFILE }" > "$WORK/intake.json"
INTAKE=$(curl -sf -X POST "localhost:$PORT/api/v1/intakes" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d @"$WORK/intake.json" | sed 's/^{"id":"\([^"]*\)".*/\1/')

measure() { # name, then wrk arguments; prints requests per second
  local rps
  rps=$(wrk -t2 -c16 -d"${DURATION}s" "$@" | awk '/Requests\/sec/ {print $2}')
  printf '%-40s %10.0f req/s\n' "$NAME" "$rps" >&2
  echo "$rps"
}
NAME="GET /q/health/live (HTTP floor)"; FLOOR=$(measure "http://localhost:$PORT/q/health/live")
NAME="POST /api/v1/scores"; SCORE=$(BODY_FILE="$WORK/score.json" measure -s bench/post-json.lua "http://localhost:$PORT/api/v1/scores")
NAME="GET /api/v1/intakes/{id}/recommendations"; ADVICE=$(measure -s bench/get-auth.lua "http://localhost:$PORT/api/v1/intakes/$INTAKE/recommendations")
NAME="POST /api/v1/intakes"; INTAKES=$(BODY_FILE="$WORK/intake.json" measure -s bench/post-json.lua "http://localhost:$PORT/api/v1/intakes")

echo
echo "Ratios to the HTTP floor (higher is closer to the floor):"
awk -v f="$FLOOR" -v s="$SCORE" -v a="$ADVICE" -v i="$INTAKES" 'BEGIN {
  printf "  scores          %.3f\n  recommendations %.3f\n  intakes         %.3f\n", s/f, a/f, i/f }'
