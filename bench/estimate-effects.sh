#!/usr/bin/env bash
# Time of the data scientists' estimate-effects command on a simulated extract, against the time to
# merely read and write the same file (simulate-history), measured in one run.
#   bench/estimate-effects.sh [rows]     (default 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-50000}"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR=target/quarkus-app/quarkus-run.jar
FEATURES=age,educationLevel,dutchLanguageLevel,monthsOnBenefit,monthsSinceLastJob,yearsWorkExperience,healthLimitation,careDuties,problematicDebts,unstableHousing,drivingLicence,motivation,jobSearchSelfEfficacy,expectsWork,participationRung,labourMarketTightness

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }
SIMULATE=$(seconds java -jar $JAR simulate-history --out "$WORK/history.csv" --size "$ROWS" --seed 7)
ESTIMATE=$(seconds java -jar $JAR estimate-effects --data "$WORK/history.csv" --treatment intervention --outcome worked12 \
  --control NONE --features "$FEATURES" --report "$WORK/report.json" --predictions "$WORK/effects.csv")
printf 'rows %s, 11 treatment values, 16 features\n' "$ROWS"
printf 'simulate-history (generate, write):         %6.1f s\n' "$SIMULATE"
printf 'estimate-effects (read, fit 5 folds, write): %6.1f s   ratio %.1f\n' "$ESTIMATE" "$(awk -v e="$ESTIMATE" -v s="$SIMULATE" 'BEGIN { print e / s }')"
