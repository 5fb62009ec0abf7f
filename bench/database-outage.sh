#!/usr/bin/env bash
# What does the service do while its database is gone for 30 seconds?
#   bench/database-outage.sh [outage-seconds]     (default 30)
#   OUTAGE_MODE=stop bench/database-outage.sh          stop PostgreSQL itself (pg_ctlcluster)
# Creates its own database (trede_outage) on the PostgreSQL at 127.0.0.1:5432 (user postgres) and
# runs the service packaged for PostgreSQL against it. Streams keyed intakes 4 at a time; after 10 s
# takes the database away for the outage, then brings it back and streams 20 s more; polls
# readiness every second. Two ways to take it away:
#   OUTAGE_MODE=relay (default): the service reaches PostgreSQL through a small TCP relay, which is
#     killed (every connection cut, new ones refused) and started again; the PostgreSQL server,
#     which may serve others on this machine, keeps running;
#   OUTAGE_MODE=stop: the PostgreSQL cluster itself is stopped (`pg_ctlcluster $PG_CLUSTER stop -m fast`,
#     default cluster "15 main", which ends every session with admin_shutdown) and started again;
#     for a machine of your own: everything else on that server is down too. The file
#     /tmp/trede-pg-outage exists while it is down; a trap starts the cluster again on any exit.
# Then retries every request not answered 2xx with its key and checks: answers during the
# outage are 503 with Retry-After (no 500, no request hanging past 15 s), readiness went down and
# came back by itself, every acknowledged intake is stored, none twice. Exits 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUTAGE="${1:-30}"
PORT="${PORT:-18085}"
RELAY_PORT="${RELAY_PORT:-15439}"
DB="${DB:-trede_outage}"
. bench/postgres.sh

OUTAGE_MODE="${OUTAGE_MODE:-relay}"
PG_CLUSTER="${PG_CLUSTER:-15 main}"
WORK=$(mktemp -d)
PID=; RELAY=; LOAD=; PROBE=; STOPPED=
# shellcheck disable=SC2086 # PG_CLUSTER is two words: version and name
trap 'for p in $PID $RELAY $LOAD $PROBE; do kill -9 "$p" 2>/dev/null; done
      [ -n "$STOPPED" ] && pg_ctlcluster $PG_CLUSTER start; rm -f /tmp/trede-pg-outage; rm -rf "$WORK"' EXIT
API="http://localhost:$PORT/api/v1"

cat > "$WORK/relay.py" <<'EOF'
import asyncio, sys
listen, target = int(sys.argv[1]), int(sys.argv[2])
async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data); await writer.drain()
    except Exception:
        pass
    finally:
        writer.close()
async def relay(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
    except OSError:
        client_writer.close(); return
    await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))
async def main():
    server = await asyncio.start_server(relay, "127.0.0.1", listen, reuse_address=True)
    async with server:
        await server.serve_forever()
asyncio.run(main())
EOF
relay_up() { python3 "$WORK/relay.py" "$RELAY_PORT" 5432 & RELAY=$!; sleep 0.5; }
if [ "$OUTAGE_MODE" = stop ]; then
  DB_PORT=5432
  # As abrupt as a maintenance stop: sessions ended (admin_shutdown), new ones refused.
  database_down() { touch /tmp/trede-pg-outage; STOPPED=1; pg_ctlcluster $PG_CLUSTER stop -m fast; }
  database_up() { pg_ctlcluster $PG_CLUSTER start; STOPPED=; rm -f /tmp/trede-pg-outage; }
else
  DB_PORT=$RELAY_PORT
  relay_up
  # As abrupt as a stopped server: every connection cut, new ones refused.
  database_down() { kill -9 "$RELAY"; wait "$RELAY" 2>/dev/null || true; RELAY=; }
  database_up() { relay_up; }
fi

(cd "$WORK" && QUARKUS_HTTP_PORT=$PORT TREDE_MODELS_DIRECTORY="$ROOT/models" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/$DB" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
  exec java -jar "$APP/quarkus-run.jar" >> "$WORK/service.log" 2>&1) &
PID=$!
for _ in $(seq 1 600); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
TOKEN=$(curl -sf -X POST "$API/demo-tokens" -H 'Content-Type: application/json' -d '{"account":"case-system-rotterdam"}' \
  | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
export TOKEN API WORK

# send.sh KEY [until-2xx]: one keyed intake; appends "key status seconds retry-after" to WORK/answers.
cat > "$WORK/send.sh" <<'EOF'
#!/bin/sh
key=$1; until2xx=${2:-}
body="{\"clientReference\": \"OUTAGE-$key\", \"municipalityCode\": \"GM0599\", \"age\": 45, \"monthsOnBenefit\": 20}"
for attempt in $(seq 1 60); do
  out=$(curl -s -m 15 -D "$WORK/h-$key" -o /dev/null -w '%{http_code} %{time_total}' -X POST "$API/intakes" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" -d "$body")
  retry=$(grep -i '^retry-after:' "$WORK/h-$key" 2>/dev/null | tr -d '\r' | cut -d' ' -f2)
  echo "$key $out ${retry:--} $([ -n "$until2xx" ] && echo retry || echo load)" >> "$WORK/answers"
  case "$out" in 2*) exit 0 ;; esac
  [ -n "$until2xx" ] || exit 0
  sleep "${retry:-1}"
done
EOF
chmod +x "$WORK/send.sh"
: > "$WORK/answers"; : > "$WORK/ready"
(while true; do printf '%s %s\n' "$(date +%s)" "$(curl -s -m 3 -o /dev/null -w '%{http_code}' "localhost:$PORT/q/health/ready")" >> "$WORK/ready"; sleep 1; done) &
PROBE=$!
# Four requests at a time, each with a new key, until WORK/stop appears.
(i=0; while [ ! -f "$WORK/stop" ]; do
  for _ in 1 2 3 4; do i=$((i + 1)); key=$(printf 'k%06d' "$i"); echo "$key" >> "$WORK/keys"; "$WORK/send.sh" "$key" & done
  wait
done) &
LOAD=$!
sleep 10
database_down; down_at=$(date +%s)
echo "database gone ($OUTAGE_MODE) at $(date -u +%T) for $OUTAGE s"
sleep "$OUTAGE"
database_up; up_at=$(date +%s)
echo "database back at $(date -u +%T)"
sleep 20
touch "$WORK/stop"; wait "$LOAD" 2>/dev/null || true; LOAD=
kill "$PROBE"; wait "$PROBE" 2>/dev/null || true; PROBE=

sent=$(sort -u "$WORK/keys" | wc -l)
for key in $(sort -u "$WORK/keys"); do
  grep -q "^$key 2" "$WORK/answers" || "$WORK/send.sh" "$key" until-2xx
done
load=$(grep ' load$' "$WORK/answers")
count() { printf '%s\n' "$load" | awk -v p="$1" '$2 ~ p { n++ } END { print n + 0 }'; }
acked=$(count '^2'); unavailable=$(count '^503$'); errors=$(count '^500$'); hung=$(count '^000$')
without_retry_after=$(printf '%s\n' "$load" | awk '$2 == 503 && $4 == "-" { n++ } END { print n + 0 }')
other=$(printf '%s\n' "$load" | awk '$2 !~ /^(2..|503|000)$/ { n++ } END { print n + 0 }')
slowest=$(printf '%s\n' "$load" | awk '$3 > m { m = $3 } END { print m + 0 }')
ready_down=$(awk -v a="$down_at" -v b="$up_at" '$1 >= a && $1 <= b && $2 != 200 { n++ } END { print n + 0 }' "$WORK/ready")
ready_back=$(awk -v b="$up_at" '$1 > b && $2 == 200 { print $1 - b; exit }' "$WORK/ready")
stored=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM intake")
never=$(for key in $(sort -u "$WORK/keys"); do grep -q "^$key 2" "$WORK/answers" || echo "$key"; done | wc -l)

echo "requests sent under load: $sent; answered: 2xx $acked, 503 $unavailable (without Retry-After: $without_retry_after), 500 $errors, other $other, no answer within 15 s $hung; slowest answer ${slowest} s"
echo "readiness: not ready in $ready_down of the outage's probes; ready again ${ready_back:-never} s after the database came back"
echo "after retrying with the same keys: $stored intakes stored for $sent requests ($never never answered 2xx)"
# What the 500s were, if any: the service logs class and frames only, never request data.
{ grep -o 'Unhandled [^ ]*.*' "$WORK/service.log" || true; } | cut -c1-400 | sort | uniq -c | sort -rn | head -5
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
[ "$errors" -eq 0 ] && [ "$hung" -eq 0 ] && [ "$without_retry_after" -eq 0 ] && [ "$other" -eq 0 ] && [ "$ready_down" -gt 0 ] \
  && [ -n "$ready_back" ] && [ "$stored" -eq "$sent" ] && [ "$never" -eq 0 ]
