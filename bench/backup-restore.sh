#!/usr/bin/env bash
# Does a backup of the PostgreSQL database restore into a service that works?
#   bench/backup-restore.sh [clients]        (default 20)
# On the PostgreSQL at 127.0.0.1:5432 (user postgres), with the service packaged for PostgreSQL and
# one client-reference key (TREDE_CLIENT_REFERENCE_KEY, generated for the run):
#   1. runs the service on a fresh database ($SOURCE_DB, default trede_backup_src) and writes, per
#      client, an intake, its advice shown, a decision and an outcome through the API;
#   2. takes a backup with pg_dump (custom format) while a second stream of intakes is still being
#      written, as a live backup would be taken;
#   3. restores it into a new database ($RESTORED_DB, default trede_backup_restored);
#   4. runs the jar's verify-audit-trail command against the restored copy;
#   5. starts the service on the restored copy and checks through the API: every intake, decision
#      and outcome acknowledged before the backup is there, each client is found by its reference,
#      the audit trail verifies, and a new intake (and its audit entry) can be written on it;
#   6. starts it once more with another client-reference key, to show what a lost key costs: the
#      restored clients can no longer be found by their reference.
# Drops both databases at the end, whatever happens. Prints PASS or FAIL; exits 1 on FAIL.
# The procedure for operators, and what must be kept beside the database: docs/backup-restore.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CLIENTS="${1:-20}"
PORT="${PORT:-18120}"
SOURCE_DB="${SOURCE_DB:-trede_backup_src}"
RESTORED_DB="${RESTORED_DB:-trede_backup_restored}"
DB=$SOURCE_DB
. bench/postgres.sh            # the PostgreSQL build in $APP, psql in PSQL, a fresh $SOURCE_DB
WORK=$(mktemp -d)
PID=; LIVE=
cleanup() {
  for p in $LIVE $PID; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $SOURCE_DB" -c "DROP DATABASE IF EXISTS $RESTORED_DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
API="http://localhost:$PORT/api/v1"
KEY=$(head -c 32 /dev/urandom | base64)
FAILED=0
check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then echo "  ok    $what"; else echo "  FAIL  $what"; FAILED=1; fi
}

start() { # database [client-reference key]
  (cd "$WORK" && exec env QUARKUS_HTTP_PORT="$PORT" TREDE_MODELS_DIRECTORY="$ROOT/models" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$1" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    TREDE_CLIENT_REFERENCE_KEY="${2:-$KEY}" java -jar "$APP/quarkus-run.jar" >> "$WORK/service.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 600); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
  curl -sf "localhost:$PORT/q/health/ready" >/dev/null || { echo "the service did not start on $1:" >&2; tail -30 "$WORK/service.log" >&2; exit 2; }
  TOKEN=$(token case-system-rotterdam); AUDITOR=$(token auditor-rotterdam)
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
token() {
  curl -sf -X POST "$API/demo-tokens" -H 'Content-Type: application/json' -d "{\"account\":\"$1\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
post() { # path body: prints the answer's id, fails unless 201
  curl -sf -X POST "$API$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}
status() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$API$1"; }
found_by_reference() { # reference: the client id the search answers, or the status
  local out; out=$(curl -s -w '\n%{http_code}' -X POST "$API/clients/search" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"clientReference\": \"$1\", \"municipalityCode\": \"GM0599\"}")
  [ "$(printf '%s' "$out" | tail -1)" = 200 ] && printf '%s' "$out" | head -1 | grep -o '"clientId":"[^"]*"' | head -1 | cut -d'"' -f4 \
    || printf '%s' "$out" | tail -1
}
verification() { curl -sf -H "Authorization: Bearer $AUDITOR" "$API/audit-trail/verification"; }
intact() { verification | grep -q '"intact":true'; }

echo "1. the service on $SOURCE_DB: $CLIENTS clients, each an intake, its advice, a decision and an outcome"
start "$SOURCE_DB"
: > "$WORK/written"
for i in $(seq 1 "$CLIENTS"); do
  ref="BACKUP-$i-$RANDOM"
  answer=$(curl -sf -X POST "$API/intakes" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"clientReference\": \"$ref\", \"municipalityCode\": \"GM0599\", \"age\": $((20 + i)), \"monthsOnBenefit\": $i}")
  intake=$(printf '%s' "$answer" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  client=$(printf '%s' "$answer" | grep -o '"clientId":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$API/intakes/$intake/recommendations"
  decision=$(post "/intakes/$intake/decisions" '{"interventionCodes": ["NONE"], "klantmanagerId": "km-backup", "reasonCode": "OTHER"}')
  outcome=$(post "/clients/$client/outcomes" "{\"observedOn\": \"$(date +%F)\", \"status\": \"PARTIAL_WORK\", \"hoursPerWeek\": 12}")
  echo "$ref $client $intake $decision $outcome" >> "$WORK/written"
done
source_entries=$(verification | grep -o '"entriesChecked":[0-9]*' | cut -d: -f2)
echo "   written: $(wc -l < "$WORK/written") clients; audit trail: $source_entries entries, $(verification | grep -o '"intact":[a-z]*')"

echo "2. pg_dump --format=custom of $SOURCE_DB while intakes are still being written"
(i=0; while true; do i=$((i + 1))
   post /intakes "{\"clientReference\": \"LIVE-$i-$RANDOM\", \"municipalityCode\": \"GM0599\", \"age\": 40, \"monthsOnBenefit\": 3}" > /dev/null || true
 done) &
LIVE=$!
sleep 2
pg_dump -h 127.0.0.1 -U postgres --format=custom --file="$WORK/trede.dump" "$SOURCE_DB"
sleep 1
kill "$LIVE"; wait "$LIVE" 2>/dev/null || true; LIVE=
stop
echo "   backup: $(du -h "$WORK/trede.dump" | cut -f1); intakes in the source when the load stopped: $("${PSQL[@]}" -d "$SOURCE_DB" -c 'SELECT count(*) FROM intake')"

echo "3. pg_restore into the new database $RESTORED_DB"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $RESTORED_DB" -c "CREATE DATABASE $RESTORED_DB"
pg_restore -h 127.0.0.1 -U postgres --no-owner --exit-on-error --dbname="$RESTORED_DB" "$WORK/trede.dump"
restored_intakes=$("${PSQL[@]}" -d "$RESTORED_DB" -c 'SELECT count(*) FROM intake')
echo "   intakes in the restored copy: $restored_intakes ($CLIENTS before the backup, the rest written while it ran)"

echo "4. verify-audit-trail against the restored copy"
set +e
(cd "$WORK" && QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$RESTORED_DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD= TREDE_CLIENT_REFERENCE_KEY="$KEY" TREDE_MODELS_DIRECTORY="$ROOT/models" \
  java -jar "$APP/quarkus-run.jar" verify-audit-trail > "$WORK/verify.out" 2>&1)
verify_exit=$?
set -e
echo "   $(grep -E 'Audit trail' "$WORK/verify.out" || tail -3 "$WORK/verify.out")"
check "verify-audit-trail exits 0 on the restored copy" [ "$verify_exit" -eq 0 ]

echo "5. the service on the restored copy"
start "$RESTORED_DB"
missing=0; not_found=0
while read -r ref client intake decision outcome; do
  [ "$(status "/intakes/$intake")" = 200 ] || missing=$((missing + 1))
  [ "$(status "/intakes/$intake/decisions/$decision")" = 200 ] || missing=$((missing + 1))
  curl -sf -H "Authorization: Bearer $TOKEN" "$API/clients/$client" | grep -q "\"$outcome\"" || missing=$((missing + 1))
  [ "$(found_by_reference "$ref")" = "$client" ] || not_found=$((not_found + 1))
done < "$WORK/written"
check "every intake, decision and outcome written before the backup is served ($((CLIENTS * 3)) checked, $missing missing)" [ "$missing" -eq 0 ]
check "every client is found by its reference ($not_found not found)" [ "$not_found" -eq 0 ]
restored_verification=$(verification)
echo "   GET /audit-trail/verification: $restored_verification"
check "the audit trail verifies through the API" intact
restored_entries=$(printf '%s' "$restored_verification" | grep -o '"entriesChecked":[0-9]*' | cut -d: -f2)
check "the restored trail holds at least the $source_entries entries written before the backup" [ "${restored_entries:-0}" -ge "$source_entries" ]
new_intake=$(post /intakes "{\"clientReference\": \"AFTER-RESTORE-$RANDOM\", \"municipalityCode\": \"GM0599\", \"age\": 30, \"monthsOnBenefit\": 2}" || true)
check "a new intake is written on the restored copy (its sequences and chains go on)" [ -n "$new_intake" ]
check "and the trail still verifies after it" intact
stop

echo "6. the same copy under another client-reference key (the key was not kept)"
start "$RESTORED_DB" "$(head -c 32 /dev/urandom | base64)"
read -r ref client _ < "$WORK/written"
echo "   client search by reference answers: $(found_by_reference "$ref") (with the key of the backup: 200, client $client)"
stop

[ "$FAILED" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
