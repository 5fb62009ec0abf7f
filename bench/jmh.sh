#!/usr/bin/env bash
# The hot path in microseconds: JMH benchmarks of bench/jmh (HotPathBenchmark) on the shipped
# models, with allocations per operation (-prof gc).
#   bench/jmh.sh [JMH options]        e.g. bench/jmh.sh -f 1 -wi 2 -i 3 wholeAdvice
# Compiles the service's classes, fetches JMH through the "jmh" Maven profile (which only adds the
# JMH dependencies: the service's build and tests do not see it), compiles the benchmarks apart
# into target/jmh and runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/jmh
mkdir -p "$OUT/classes"
./mvnw -B -q -Pjmh compile dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$OUT/classpath.txt"
CP="target/classes:$(cat "$OUT/classpath.txt")"
javac --release 17 -cp "$CP" -d "$OUT/classes" $(find bench/jmh -name '*.java')
java -cp "$OUT/classes:$CP" org.openjdk.jmh.Main -prof gc -rf text -rff "$OUT/result.txt" "$@"
