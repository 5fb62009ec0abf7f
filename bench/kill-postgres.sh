#!/usr/bin/env bash
# Is every acknowledged write stored exactly once when the service dies mid-load on PostgreSQL?
#   bench/kill-postgres.sh [rounds] [requests-per-round]     (defaults 10 and 150)
# Creates its own database (trede_kill) on the PostgreSQL at 127.0.0.1:5432 (user postgres) and
# runs the service packaged for PostgreSQL. Each round streams intakes, decisions and outcomes, 8 at
# a time, each with its own Idempotency-Key; kills the service with SIGKILL once a random share
# (10–80 %) has been answered; restarts it; sends every request again with its key until it is
# answered 2xx (a request answered before must replay the same id); then checks in the database
# that every acknowledged id is stored, that each table grew by exactly the number of requests
# (nothing twice), that no resource has two creation entries in the audit trail, and that the
# audit chain verifies (GET /audit-trail/verification). A last round sends SIGTERM instead and
# counts requests cut off in flight (curl: empty reply or reset), which graceful shutdown forbids.
# Prints acknowledged / stored / duplicated / lost per round; exits 1 on any loss, duplicate,
# broken chain or cut request.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS="${1:-10}"
REQUESTS="${2:-150}"
PORT="${PORT:-18082}"
DB="${DB:-trede_kill}"
. bench/postgres.sh
sql() { "${PSQL[@]}" -d "$DB" -c "$1"; }

WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
API="http://localhost:$PORT/api/v1"
export API

start() {
  (cd "$WORK" && QUARKUS_HTTP_PORT=$PORT TREDE_MODELS_DIRECTORY="$ROOT/models" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    TREDE_IDEMPOTENCY_ABANDONED_AFTER=2s \
    exec java -jar "$APP/quarkus-run.jar" >> "$WORK/service.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 600); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "service did not become ready; see its log:" >&2; tail -20 "$WORK/service.log" >&2; exit 2
}
token() {
  curl -sf -X POST "$API/demo-tokens" -H 'Content-Type: application/json' -d "{\"account\":\"$1\"}" \
    | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
# How many answer files in a directory hold a 2xx (-l) or do not (-L).
answered() { { grep "$1" '^2' "$2"/* 2>/dev/null || true; } | wc -l; }
json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }

# send.sh DIR KEY [until-2xx]: POSTs request KEY of DIR/req (line 1 path, line 2 body) with its
# Idempotency-Key; records "status id curl-exit" in DIR/res/KEY. With until-2xx it retries (409
# while the original's claim is open, no answer, 5xx) until the answer is 2xx or another 4xx.
cat > "$WORK/send.sh" <<'EOF'
#!/bin/sh
dir=$1; key=$2; until2xx=${3:-}
path=$(sed -n 1p "$dir/req/$key"); body=$(sed -n 2p "$dir/req/$key")
for attempt in $(seq 1 60); do
  out=$(curl -s -m 20 -w '\n%{http_code}' -X POST "$API$path" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $key" -d "$body"); rc=$?
  code=$(printf '%s' "$out" | tail -1)
  id=$(printf '%s' "$out" | head -1 | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  echo "$code ${id:--} $rc" > "$dir/res/$key"
  case "$code" in
    2*) exit 0 ;;
    409|000|5*) [ -n "$until2xx" ] || exit 0; sleep 1 ;;
    *) exit 0 ;;
  esac
done
EOF
chmod +x "$WORK/send.sh"

"${PSQL[@]}" -d postgres -c "SELECT 1" >/dev/null
start
TOKEN=$(token case-system-rotterdam); AUDITOR=$(token auditor-rotterdam); export TOKEN
rows() { sql "SELECT (SELECT count(*) FROM intake) + (SELECT count(*) FROM decision) + (SELECT count(*) FROM outcome)"; }

printf '%-6s %-7s %9s %12s %7s %11s %5s %10s %6s\n' round signal requests acknowledged stored duplicated lost unanswered chain
failures=0; total_acked=0; total_stored=0; total_dup=0; total_lost=0; cut=0
for round in $(seq 1 $((ROUNDS + 1))); do
  signal=KILL; [ "$round" -gt "$ROUNDS" ] && signal=TERM
  dir="$WORK/round-$round"; mkdir -p "$dir/req" "$dir/res" "$dir/first"
  # Seeds the decisions and outcomes refer to: intakes whose advice was shown, each with a decision.
  intakes=(); clients=()
  for s in 1 2 3 4; do
    answer=$(curl -sf -X POST "$API/intakes" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"clientReference\": \"KILL-$round-seed-$s-$RANDOM\", \"municipalityCode\": \"GM0599\", \"age\": 34, \"monthsOnBenefit\": 14}")
    intakes+=("$(printf '%s' "$answer" | json_field id)"); clients+=("$(printf '%s' "$answer" | json_field clientId)")
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$API/intakes/${intakes[-1]}/recommendations"
    curl -sf -o /dev/null -X POST "$API/intakes/${intakes[-1]}/decisions" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -d '{"interventionCodes": ["NONE"], "klantmanagerId": "km-kill", "reasonCode": "OTHER"}'
  done
  before=$(rows)
  for i in $(seq 1 "$REQUESTS"); do
    key="kill-$round-$i-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    s=$((i % 4))
    case $((i % 3)) in
      0) printf '/intakes\n{"clientReference": "KILL-%s-%s-%s", "municipalityCode": "GM0599", "age": 41, "monthsOnBenefit": 30}\n' \
           "$round" "$i" "$RANDOM" > "$dir/req/$key" ;;
      1) printf '/intakes/%s/decisions\n{"interventionCodes": ["NONE"], "klantmanagerId": "km-kill", "reasonCode": "OTHER"}\n' \
           "${intakes[$s]}" > "$dir/req/$key" ;;
      2) printf '/clients/%s/outcomes\n{"observedOn": "%s", "status": "PARTIAL_WORK", "hoursPerWeek": 12}\n' \
           "${clients[$s]}" "$(date +%F)" > "$dir/req/$key" ;;
    esac
  done

  ls "$dir/req" | xargs -P 8 -I{} "$WORK/send.sh" "$dir" {} &
  LOAD=$!
  threshold=$((REQUESTS / 10 + RANDOM % (REQUESTS * 7 / 10)))
  while [ "$(answered -l "$dir/res")" -lt "$threshold" ] && kill -0 "$LOAD" 2>/dev/null; do sleep 0.02; done
  kill -"$signal" "$PID"; wait "$PID" 2>/dev/null || true; PID=
  wait "$LOAD" || true
  cp "$dir"/res/* "$dir/first/" 2>/dev/null || true
  acked=$(answered -l "$dir/first")
  # curl 52: empty reply, 56: connection reset — a request the server took and dropped.
  [ "$signal" = TERM ] && cut=$(awk '$3 == 52 || $3 == 56 { n++ } END { print n + 0 }' "$dir"/first/*)

  start
  ls "$dir/req" | xargs -P 8 -I{} "$WORK/send.sh" "$dir" {} until-2xx
  unanswered=$(answered -L "$dir/res")
  # Every acknowledged id, and its replay after the restart: the same id, or the write happened twice.
  replay_mismatch=0; acked_ids=()
  for first in $(grep -l '^2' "$dir"/first/* 2>/dev/null || true); do
    key=$(basename "$first"); id=$(cut -d' ' -f2 "$first")
    acked_ids+=("'$id'")
    [ "$(cut -d' ' -f2 "$dir/res/$key")" = "$id" ] || replay_mismatch=$((replay_mismatch + 1))
  done
  stored=0
  if [ "${#acked_ids[@]}" -gt 0 ]; then
    list=$(IFS=,; echo "${acked_ids[*]}")
    stored=$(sql "SELECT (SELECT count(*) FROM intake WHERE id::text IN ($list)) + (SELECT count(*) FROM decision WHERE id::text IN ($list))
                  + (SELECT count(*) FROM outcome WHERE id::text IN ($list))")
  fi
  grown=$(( $(rows) - before ))
  twice_audited=$(sql "SELECT count(*) FROM (SELECT resource_id FROM audit_entry WHERE action IN ('CREATE', 'DECIDE', 'OVERRIDE')
                       AND resource_type IN ('intake', 'decision', 'outcome') GROUP BY resource_id HAVING count(*) > 1) t")
  duplicated=$(( grown - REQUESTS + replay_mismatch + twice_audited ))
  [ "$duplicated" -lt 0 ] && duplicated=0   # fewer rows than requests shows up as unanswered
  lost=$((acked - stored))
  chain=$(curl -sf -H "Authorization: Bearer $AUDITOR" "$API/audit-trail/verification" | grep -o '"intact":[a-z]*' | cut -d: -f2)
  printf '%-6s %-7s %9d %12d %7d %11d %5d %10d %6s\n' "$round" "$signal" "$REQUESTS" "$acked" "$stored" "$duplicated" "$lost" "$unanswered" "$chain"
  [ "$lost" -eq 0 ] && [ "$duplicated" -eq 0 ] && [ "$unanswered" -eq 0 ] && [ "$chain" = true ] || failures=$((failures + 1))
  total_acked=$((total_acked + acked)); total_stored=$((total_stored + stored))
  total_dup=$((total_dup + duplicated)); total_lost=$((total_lost + lost))
done
printf '%-6s %-7s %9d %12d %7d %11d %5d\n' total "" $(( (ROUNDS + 1) * REQUESTS )) "$total_acked" "$total_stored" "$total_dup" "$total_lost"
echo "SIGTERM round: $cut request(s) cut off in flight (must be 0: graceful shutdown drains them)"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
[ "$failures" -eq 0 ] && [ "$cut" -eq 0 ]
