#!/usr/bin/env bash
# Issue #14.7: one allocation of 10,000 clients over the catalogue's 10 options with binding places
# and budget, timed step by step by a small harness (bench/allocation, plain Java on the service's
# compiled core and the shipped effect model; no database, no HTTP): every client's effects, the
# linear program (OR-Tools GLOP), the gain-against-budget curve and one fairness limit's cost.
#   bench/allocation.sh [clients] [repeats]        (default 10000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench-allocation
mkdir -p "$OUT/classes"
./mvnw -B -q compile dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$OUT/classpath.txt"
CP="target/classes:$(cat "$OUT/classpath.txt")"
javac --release 17 -cp "$CP" -d "$OUT/classes" $(find bench/allocation -name '*.java')
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$OUT/classes:$CP" nl.trede.bench.AllocationBench "$@"
