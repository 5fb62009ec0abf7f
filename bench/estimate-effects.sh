#!/usr/bin/env bash
# Time of the data scientists' estimate-effects command on a simulated extract, against the time to
# merely read and write the same file (simulate-history), measured in one run. The extract keeps the
# clients who got nothing or one of the five most frequent interventions (6 options) and 15 features,
# the size issue #10 sets a 2-minute target for at 100,000 rows.
#   bench/estimate-effects.sh [rows]     (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-100000}"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR=target/quarkus-app/quarkus-run.jar
FEATURES=age,educationLevel,dutchLanguageLevel,monthsOnBenefit,monthsSinceLastJob,yearsWorkExperience,healthLimitation,careDuties,problematicDebts,unstableHousing,drivingLicence,motivation,jobSearchSelfEfficacy,expectsWork,participationRung
OPTIONS='NONE|JOB_SEARCH_ASSISTANCE|SOCIAL_ACTIVATION|WAGE_SUBSIDY|WORK_FIRST|VOCATIONAL_TRAINING'

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }
SIMULATE=$(seconds java -jar $JAR simulate-history --out "$WORK/all.csv" --size $((ROWS * 125 / 100)) --seed 7)
awk -F, -v rows="$ROWS" -v keep="^($OPTIONS)\$" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "intervention") c = i; print; next }
  $c ~ keep && n < rows { print; n++ }' "$WORK/all.csv" > "$WORK/history.csv"
KEPT=$(($(wc -l < "$WORK/history.csv") - 1))
ESTIMATE=$(seconds java -jar $JAR estimate-effects --data "$WORK/history.csv" --treatment intervention --outcome worked12 \
  --control NONE --features "$FEATURES" --report "$WORK/report.json" --predictions "$WORK/effects.csv")
printf 'rows %s, 6 treatment values, 15 features, %s processors\n' "$KEPT" "$(nproc)"
printf 'simulate-history (generate, write):         %6.1f s\n' "$SIMULATE"
printf 'estimate-effects (read, fit 5 folds, write): %6.1f s   ratio %.1f   (target: at most 120 s)\n' "$ESTIMATE" \
  "$(awk -v e="$ESTIMATE" -v s="$SIMULATE" 'BEGIN { print e / s }')"
grep -E '"(propensity|finalStage)"' "$WORK/report.json" | cut -c1-200
