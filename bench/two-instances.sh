#!/usr/bin/env bash
# Do two instances on one PostgreSQL behave as one service?
#   bench/two-instances.sh [flows]     (default 40)
# Creates its own database (trede_two) on the PostgreSQL at 127.0.0.1:5432 (user postgres) and
# starts the service packaged for PostgreSQL twice, on two ports. Runs the case-system flow 8 flows
# at a time, each step on the other instance than the one before (round robin): a client's first
# intake sent to BOTH instances at the same moment, its advice read on the other, a decision sent to
# both at once under one Idempotency-Key, an outcome on the first. Then checks: no 5xx (an id
# collision or a lost race would be one), both first intakes name one client, both decision answers
# one decision, one client per reference and one decision per key in the database, the audit chain
# unforked (each chain's chain_seq without gaps, no two entries of a chain on one predecessor) and
# verified by both instances.
# Exits 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FLOWS="${1:-40}"
PORTS=(${PORTS:-18083 18084})
DB="${DB:-trede_two}"
. bench/postgres.sh
sql() { "${PSQL[@]}" -d "$DB" -c "$1"; }

WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT

# One after the other: on an empty database both would seed the model registry at once, and the
# loser stops its start-up on the registry's primary key (see docs/kubernetes.md, known gap).
for port in "${PORTS[@]}"; do
  mkdir -p "$WORK/$port"
  (cd "$WORK/$port" && QUARKUS_HTTP_PORT=$port TREDE_MODELS_DIRECTORY="$ROOT/models" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    exec java -jar "$APP/quarkus-run.jar" > "$WORK/$port/service.log" 2>&1) &
  PIDS+=($!)
  for _ in $(seq 1 600); do curl -sf "localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
  curl -sf "localhost:$port/q/health/ready" >/dev/null || { echo "instance on $port did not become ready" >&2; tail -20 "$WORK/$port/service.log" >&2; exit 2; }
done
token() {
  curl -sf -X POST "http://localhost:${PORTS[0]}/api/v1/demo-tokens" -H 'Content-Type: application/json' \
    -d "{\"account\":\"$1\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
TOKEN=$(token case-system-rotterdam); AUDITOR=$(token auditor-rotterdam)
export TOKEN A="http://localhost:${PORTS[0]}/api/v1" B="http://localhost:${PORTS[1]}/api/v1"

# flow.sh DIR I: one client's flow across both instances; writes its answers to DIR/I.
cat > "$WORK/flow.sh" <<'EOF'
#!/bin/sh
dir=$1; i=$2; out="$dir/$i.result"
post() { # base path key body -> "status body"
  curl -s -m 30 -w '\n%{http_code}' -X POST "$1$2" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${3:+-H "Idempotency-Key: $3"} -d "$4"
}
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
until_done() { # retries a keyed POST while the twin's claim is open (409)
  for _ in $(seq 1 30); do r=$(post "$@"); [ "$(printf '%s' "$r" | tail -1)" = 409 ] || break; sleep 1; done; printf '%s' "$r"
}
intake="{\"clientReference\": \"TWO-$i-$$\", \"municipalityCode\": \"GM0599\", \"age\": 29, \"monthsOnBenefit\": 8}"
post "$A" /intakes "" "$intake" > "$dir/$i.ia" & post "$B" /intakes "" "$intake" > "$dir/$i.ib"; wait
intakeId=$(head -1 "$dir/$i.ia" | field id)
curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" "$B/intakes/$intakeId/recommendations" > "$dir/$i.r"
key="two-$i-$$-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
decision='{"interventionCodes": ["NONE"], "klantmanagerId": "km-two", "reasonCode": "OTHER"}'
until_done "$A" "/intakes/$intakeId/decisions" "$key" "$decision" > "$dir/$i.da" &
until_done "$B" "/intakes/$intakeId/decisions" "$key" "$decision" > "$dir/$i.db"; wait
clientId=$(head -1 "$dir/$i.ia" | field clientId)
post "$A" "/clients/$clientId/outcomes" "" "{\"observedOn\": \"$(date +%F)\", \"status\": \"PAID_WORK\", \"hoursPerWeek\": 32}" > "$dir/$i.o"
{
  for f in ia ib da db o; do printf '%s ' "$(tail -1 "$dir/$i.$f")"; done; printf '%s ' "$(cat "$dir/$i.r")"
  printf '%s %s %s %s\n' "$(head -1 "$dir/$i.ia" | field clientId)" "$(head -1 "$dir/$i.ib" | field clientId)" \
    "$(head -1 "$dir/$i.da" | field id)" "$(head -1 "$dir/$i.db" | field id)"
} > "$out"
EOF
chmod +x "$WORK/flow.sh"
mkdir -p "$WORK/flows"
seq 1 "$FLOWS" | xargs -P 8 -I{} "$WORK/flow.sh" "$WORK/flows" {}

# Columns: intakeA intakeB decisionA decisionB outcome recommendations clientA clientB decisionIdA decisionIdB
results=$(cat "$WORK"/flows/*.result)
statuses=$(printf '%s\n' "$results" | awk '{ for (c = 1; c <= 6; c++) n[$c]++ } END { for (s in n) printf "%s:%d ", s, n[s] }')
server_errors=$(printf '%s\n' "$results" | awk '{ for (c = 1; c <= 6; c++) if ($c !~ /^2/) n++ } END { print n + 0 }')
two_clients=$(printf '%s\n' "$results" | awk '$7 != $8 || $7 == "" { n++ } END { print n + 0 }')
two_decisions=$(printf '%s\n' "$results" | awk '$9 != $10 || $9 == "" { n++ } END { print n + 0 }')
db_clients=$(sql "SELECT count(*) FROM client WHERE erased_at IS NULL")
db_decisions=$(sql "SELECT count(*) FROM decision")
db_intakes=$(sql "SELECT count(*) FROM intake")
duplicate_clients=$(sql "SELECT count(*) FROM (SELECT 1 FROM client GROUP BY municipality_code, reference_hash HAVING count(*) > 1) t")
gaps=$(sql "SELECT COALESCE(sum(gaps), 0) FROM (SELECT max(chain_seq) - count(*) AS gaps FROM audit_entry GROUP BY chain) t")
forks=$(sql "SELECT count(*) FROM (SELECT chain, previous_hash FROM audit_entry GROUP BY chain, previous_hash HAVING count(*) > 1) t")
entries=$(sql "SELECT count(*) FROM audit_entry")
chains=""
for base in "$A" "$B"; do
  chains+="$(curl -sf -H "Authorization: Bearer $AUDITOR" "$base/audit-trail/verification" | grep -o '"intact":[a-z]*' | cut -d: -f2) "
done

echo "flows: $FLOWS on two instances (ports ${PORTS[*]}), 8 at a time"
echo "answers: $statuses"
echo "answers other than 2xx:                   $server_errors"
echo "first intakes on both naming two clients: $two_clients"
echo "one-key decisions on both giving two ids: $two_decisions"
echo "database: $db_clients clients (expected $FLOWS), $db_intakes intakes (expected $((FLOWS * 2))), $db_decisions decisions (expected $FLOWS), $duplicate_clients duplicate references"
echo "audit trail: $entries entries, $gaps gaps in its chains, $forks forks; verified by each instance: $chains"
# What the 5xx were, if any: the service logs class and frames only, never request data.
{ grep -h 'Unhandled' "$WORK"/*/service.log || true; } | sed 's/ at .*; caused by/ caused by/' | sort | uniq -c | head -5
for pid in "${PIDS[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done; PIDS=()
[ "$server_errors" -eq 0 ] && [ "$two_clients" -eq 0 ] && [ "$two_decisions" -eq 0 ] && [ "$db_clients" -eq "$FLOWS" ] \
  && [ "$db_intakes" -eq $((FLOWS * 2)) ] && [ "$db_decisions" -eq "$FLOWS" ] && [ "$duplicate_clients" -eq 0 ] \
  && [ "$gaps" -eq 0 ] && [ "$forks" -eq 0 ] && [ "$chains" = "true true " ]
