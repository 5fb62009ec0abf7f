#!/usr/bin/env bash
# Two builds of the PostgreSQL service, run one right after the other, for the calls that write:
# on a shared machine whose speed drifts, the ratio within a pair says more than two tables taken
# hours apart.
#   bench/compare-writes.sh OLD_APP_DIR NEW_APP_DIR [pairs] [seconds-per-call]   (default 3 pairs, 15 s)
# Each APP_DIR is a packaged PostgreSQL build (for example a copy of target/quarkus-app-postgresql
# made by bench/run.sh at each commit). Every run gets a fresh database ($BENCH_DB, default
# trede_compare), 200 intakes with their advice shown, 20 s of warm-up per call, then intakes,
# recommendations of stored intakes and decisions as in bench/run.sh. Prints a line per run and
# call ("build call rps p50_ms p99_ms failed cpu_us") and the ratio new/old of req/s per pair.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$1 NEW=$2 PAIRS=${3:-3} SECONDS_PER_CALL=${4:-15}
PORT="${BENCH_PORT:-18106}"
DB="${BENCH_DB:-trede_compare}"
WORK=$(mktemp -d)
. bench/service.sh
export TREDE_RATE_LIMIT_REQUESTS=$UNLIMITED_RATE
PID=  # each build's service runs in the subshell of its pipeline, which stops it
trap 'stop_service; rm -rf "$WORK"' EXIT
PSQL=(psql -h 127.0.0.1 -U postgres -qAt -v ON_ERROR_STOP=1)
API="http://localhost:$PORT/api/v1"

run_build() { # label app-dir: prints "label call rps p50 p99 failed cpu" for each write call
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" 2>/dev/null
  start_service "$2" "$PORT" "jdbc:postgresql://127.0.0.1:5432/$DB" postgres
  tokens "$PORT"
  stored_intakes 200
  DURATION=20
  INTAKE_BODY=1 load warmup "$API/intakes" >/dev/null
  IDS_FILE="$WORK/ids" BODY_FILE="$WORK/decision.json" load warmup "$API/intakes/INTAKE_ID/decisions" >/dev/null
  IDS_FILE="$WORK/ids" load warmup "$API/intakes/INTAKE_ID/recommendations" >/dev/null
  DURATION=$SECONDS_PER_CALL
  INTAKE_BODY=1 load "$1 intakes" "$API/intakes"
  IDS_FILE="$WORK/ids" load "$1 recommendations" "$API/intakes/INTAKE_ID/recommendations"
  IDS_FILE="$WORK/ids" BODY_FILE="$WORK/decision.json" load "$1 decisions" "$API/intakes/INTAKE_ID/decisions"
  stop_service
}

for pair in $(seq 1 "$PAIRS"); do
  run_build old "$OLD" | tee "$WORK/old"
  run_build new "$NEW" | tee "$WORK/new"
  paste "$WORK/old" "$WORK/new" | awk -v p="$pair" '{ printf "pair %d %-16s new/old %.2f\n", p, $2, $10 / $3 }'
done
