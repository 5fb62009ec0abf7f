#!/usr/bin/env bash
# A whole caseload scored at once: the score-batch command on 100,000 and on 1,000,000 simulated
# profiles (JSON lines, every field varied, a share of them with gaps and one bad line in 10,000),
# with the time, the rate and the peak heap in use of each, under a fixed -Xmx to show that memory
# does not grow with the input.
#   bench/score-batch.sh [max-heap]        (default 256m)
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP="${1:-256m}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. bench/service.sh
build_embedded

caseload() { # profiles file
  awk -v n="$1" 'BEGIN {
    srand(20261201); split("NONE PRIMARY VMBO MBO_1 MBO_2_4 HAVO_VWO HBO WO", edu, " ")
    split("A0 A1 A2 B1 B2 C1 C2", lang, " "); split("NONE SOME SEVERE", health, " ")
    for (i = 1; i <= n; i++) {
      if (i % 10000 == 0) { print "{\"age\": 300}"; continue }
      line = sprintf("{\"age\": %d, \"educationLevel\": \"%s\", \"dutchLanguageLevel\": \"%s\", \"monthsOnBenefit\": %d", \
        18 + int(rand() * 49), edu[1 + int(rand() * 8)], lang[1 + int(rand() * 7)], int(rand() * 120))
      if (rand() < 0.8) line = line sprintf(", \"monthsSinceLastJob\": %d", int(rand() * 200))
      line = line sprintf(", \"yearsWorkExperience\": %d, \"healthLimitation\": \"%s\", \"careDuties\": %s, \"problematicDebts\": %s", \
        int(rand() * 30), health[1 + int(rand() * 3)], rand() < 0.3 ? "true" : "false", rand() < 0.25 ? "true" : "false")
      if (rand() < 0.9) line = line sprintf(", \"motivation\": %d, \"jobSearchSelfEfficacy\": %d", 1 + int(rand() * 5), 1 + int(rand() * 5))
      line = line sprintf(", \"expectsWork\": %s, \"participationRung\": %d, \"labourMarketTightness\": %.2f}", \
        rand() < 0.5 ? "true" : "false", 1 + int(rand() * 6), 0.3 + rand() * 1.5)
      print line
    } }' > "$2"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), -Xmx$HEAP"
for n in 100000 1000000; do
  caseload "$n" "$WORK/caseload.jsonl"
  java -Xmx"$HEAP" -jar target/quarkus-app/quarkus-run.jar score-batch --input "$WORK/caseload.jsonl" \
    --output "$WORK/scores.jsonl" 2> "$WORK/summary"
  answered=$(wc -l < "$WORK/scores.jsonl")
  printf '%9d profiles: %9d answer lines; %s\n' "$n" "$answered" "$(sed 's/^score-batch: //' "$WORK/summary")"
  rm -f "$WORK/caseload.jsonl" "$WORK/scores.jsonl"
done
