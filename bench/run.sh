#!/usr/bin/env bash
# Throughput and latency of Trede's calls against the HTTP floor of the same server, in one run.
#   bench/run.sh [seconds-per-call]        (default 15)
#   PROFILE_DIR=dir bench/run.sh           also records a JFR profile of the service per call
#                                          (JFR_SETTINGS=default for the lighter settings; "profile" as shipped)
# Builds what is stale (the embedded build and, via bench/postgres.sh, the PostgreSQL build),
# starts the packaged service on H2 (a throw-away file database, durable commits as shipped) and
# then on PostgreSQL (database $BENCH_DB, default trede_bench, recreated; synchronous_commit as the
# server has it), warms each call up, loads it with wrk (2 threads, 16 connections) and prints one
# table. Stateless scoring and advice are also loaded at about half their throughput, for the p99
# a case system sees below saturation. "failed" counts non-2xx answers and socket errors. "CPU µs"
# is the service's own CPU time per request (user and system; PostgreSQL's work not included): on
# a shared machine it is steadier than req/s, which depends on what else runs.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
PORT="${BENCH_PORT:-18104}"
DB="${BENCH_DB:-trede_bench}"
WORK=$(mktemp -d)
. bench/service.sh
export TREDE_RATE_LIMIT_REQUESTS=$UNLIMITED_RATE
trap 'stop_service; rm -rf "$WORK"' EXIT
. bench/postgres.sh            # the PostgreSQL build (moved aside) and a fresh database
build_embedded
RESULTS="$WORK/results"
API="http://localhost:$PORT/api/v1"

calls() { # label: loads every call of this service (warm-up first) and appends to RESULTS
  local label=$1 floor
  tokens "$PORT"
  stored_intakes 200
  local saved=$DURATION; DURATION=$(( saved < 10 ? saved : 10 ))
  load warmup "$API/scores" >/dev/null < /dev/null; BODY_FILE="$WORK/score.json" load warmup "$API/scores" >/dev/null
  BODY_FILE="$WORK/score.json" load warmup "$API/advice" >/dev/null; INTAKE_BODY=1 load warmup "$API/intakes" >/dev/null
  IDS_FILE="$WORK/ids" load warmup "$API/intakes/INTAKE_ID/recommendations" >/dev/null
  DURATION=$saved
  load "$label:floor" "http://localhost:$PORT/q/health/live" >> "$RESULTS"
  if [ "$label" = h2 ]; then
    for call in scores advice; do
      BODY_FILE="$WORK/score.json" load "stateless:$call" "$API/$call" | tee -a "$RESULTS" > "$WORK/full"
      RATE_DELAY_MS=$(half_rate_delay "$(awk '{print $2}' "$WORK/full")") BODY_FILE="$WORK/score.json" \
        load "stateless:$call@half" "$API/$call" >> "$RESULTS"
    done
  fi
  INTAKE_BODY=1 load "$label:intakes" "$API/intakes" >> "$RESULTS"
  IDS_FILE="$WORK/ids" load "$label:recommendations" "$API/intakes/INTAKE_ID/recommendations" >> "$RESULTS"
  IDS_FILE="$WORK/ids" BODY_FILE="$WORK/decision.json" load "$label:decisions" "$API/intakes/INTAKE_ID/decisions" >> "$RESULTS"
  local verdict
  verdict=$(curl -sf "$API/audit-trail/verification" -H "Authorization: Bearer $(curl -sf -X POST "$API/demo-tokens" \
    -H 'Content-Type: application/json' -d '{"account":"auditor-rotterdam"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')")
  echo "audit chain after the $label run: $verdict" >&2
}

: > "$RESULTS"
start_service target/quarkus-app "$PORT" "$H2_URL"
calls h2
stop_service
start_service "$APP" "$PORT" "jdbc:postgresql://127.0.0.1:5432/$DB" postgres
calls postgresql
stop_service

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${DURATION} s per call"
awk '
  BEGIN { printf "%-34s %9s %9s %9s %7s %7s %9s\n", "call", "req/s", "p50 ms", "p99 ms", "failed", "ratio", "CPU µs" }
  { split($1, k, ":"); db = k[1]; call = k[2]
    if (call == "floor") floor[db] = $2
    f = (db == "stateless") ? floor["h2"] : floor[db]
    names["h2"] = "H2"; names["postgresql"] = "PostgreSQL"; names["stateless"] = "stateless"
    printf "%-34s %9d %9.2f %9.2f %7d %7.3f %9d\n", names[db] " " call, $2, $3, $4, $5, $2 / f, $6 }' "$RESULTS"
