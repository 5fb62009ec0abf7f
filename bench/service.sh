# Sourced by bench/run.sh and bench/soak.sh (after `cd` to the project root): builds what is stale,
# starts and stops the packaged service, and drives it with wrk.
#   H2_URL                         a throw-away H2 file database in WORK, as the service ships it
#   build_embedded                 target/quarkus-app (H2), rebuilt when a source is newer
#   start_service APP_DIR PORT JDBC_URL [user]   sets PID and SERVICE_LOG; waits until ready
#   stop_service                   SIGTERM, then waits for the exit
#   tokens PORT                    sets TOKEN (case system of Rotterdam)
#   stored_intakes COUNT           COUNT intakes with their advice shown ($API, $TOKEN): their ids in
#                                  WORK/ids, a decision on the advice's top in WORK/decision.json
#   heap_after_gc                  the service's heap in use after a full GC, in MB
#   load NAME URL [wrk args]       one wrk run (2 threads, 16 connections, DURATION seconds, plus
#                                  RATE_DELAY_MS between a connection's requests when set); prints
#                                  "NAME rps p50_ms p99_ms failed cpu_us_per_request" and, with PROFILE_DIR set,
#                                  records a JFR profile of the service during the run
WORK="${WORK:-$(mktemp -d)}"
# A throw-away embedded database in WORK, durable commits as shipped.
H2_URL="jdbc:h2:file:$WORK/trede;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
DURATION="${DURATION:-15}"
# A per-caller rate limit out of reach (0 would refuse everything). The benchmarks that measure what
# the service carries drive it from one demo caller, whose limit (60/s as shipped, README
# "Overload") they would measure instead.
UNLIMITED_RATE=1000000000
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

build_embedded() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    ./mvnw -B -q package -DskipTests
  fi
}

start_service() { # app-dir port jdbc-url [username]
  local app=$1 port=$2 url=$3 user=${4:-}
  SERVICE_LOG="$WORK/service-$port.log"
  env QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="$url" ${user:+QUARKUS_DATASOURCE_USERNAME=$user QUARKUS_DATASOURCE_PASSWORD=} \
    TREDE_MODELS_DIRECTORY="$(pwd)/models" java ${JAVA_OPTS:-} -jar "$app/quarkus-run.jar" > "$SERVICE_LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do curl -sf "localhost:$port/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "the service on $port did not become ready" >&2; tail -20 "$SERVICE_LOG" >&2; exit 2
}

stop_service() {
  kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
}

tokens() { # port
  TOKEN=$(curl -sf -X POST "localhost:$1/api/v1/demo-tokens" -H 'Content-Type: application/json' \
    -d '{"account":"case-system-rotterdam"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
  export TOKEN
}

PROFILE_FIELDS='"age": 34, "educationLevel": "MBO_2_4", "dutchLanguageLevel": "B2", "monthsOnBenefit": 14,
  "monthsSinceLastJob": 20, "yearsWorkExperience": 6, "healthLimitation": "NONE", "careDuties": false,
  "problematicDebts": false, "unstableHousing": false, "drivingLicence": true, "motivation": 4,
  "jobSearchSelfEfficacy": 3, "expectsWork": true, "participationRung": 3, "labourMarketTightness": 0.9'
echo "{ $PROFILE_FIELDS }" > "$WORK/score.json"
export PROFILE_FIELDS

# Intakes with their advice shown, for the calls on stored intakes to cycle over.
stored_intakes() { # count
  for i in $(seq 1 "$1"); do
    id=$(curl -sf -X POST "$API/intakes" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{ \"clientReference\": \"BENCH-STORED-$i-$RANDOM\", \"municipalityCode\": \"GM0599\", $PROFILE_FIELDS }" | sed 's/^{"id":"\([^"]*\)".*/\1/')
    curl -sf "$API/intakes/$id/recommendations" -H "Authorization: Bearer $TOKEN" > "$WORK/advice.json"
    echo "$id"
  done > "$WORK/ids"
  # A decision for the advice's top option: no deviation to explain.
  TOP=$(sed 's/.*"items":\[{"rank":1,"interventionCode":"\([^"]*\)".*/\1/' "$WORK/advice.json")
  echo "{\"interventionCodes\": [\"$TOP\"], \"klantmanagerId\": \"km-bench\"}" > "$WORK/decision.json"
}

# Milliseconds to wait between a connection's requests for about half of the given rate.
half_rate_delay() { awk -v r="$1" 'BEGIN { printf "%.3f", 16 * 1000 / (r / 2) }'; }

load() { # name url [wrk args...]
  local name=$1 url=$2; shift 2
  if [ -n "${PROFILE_DIR:-}" ]; then
    jcmd "$PID" JFR.start name=bench settings=${JFR_SETTINGS:-profile} filename="$PROFILE_DIR/$name.jfr" >/dev/null
  fi
  local ticks; ticks=$(service_cpu_ticks)
  RATE_DELAY_MS="${RATE_DELAY_MS:-}" wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/wrk-requests.lua "$@" "$url" > "$WORK/wrk.out"
  if [ -n "${PROFILE_DIR:-}" ]; then jcmd "$PID" JFR.stop name=bench >/dev/null; fi
  ticks=$(( $(service_cpu_ticks) - ticks ))
  awk -v name="$name" -v cpu_seconds="$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { print t / hz }')" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /requests in/ { requests = $1 } /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { failed += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) failed += $i }
    END { printf "%s %.0f %.2f %.2f %d %.0f\n", name, rps, p50, p99, failed, requests ? cpu_seconds * 1e6 / requests : 0 }' "$WORK/wrk.out"
}

# The heap in use after a full GC, in MB.
heap_after_gc() {
  jcmd "$PID" GC.run >/dev/null
  jcmd "$PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.0f", v / 1024; exit } }'
}

# CPU time the service's process has used (user and system, in clock ticks): per request, it does not
# depend on what else runs on the machine, as throughput does.
service_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
