#!/usr/bin/env bash
# The effect learner against the truth on the family of simulated histories (docs/effect-evaluation.md):
# per history and learner the share of the oracle's gain, average-effect coverage, PEHE and client
# coverage at 12 and 24 months, the issue's targets, and the time taken.
#   bench/evaluate-effects.sh [evaluate-effects options]   e.g. --histories threshold,small --size 50000
# Writes the JSON beside the table: target/evaluate-effects.json (unless --json is given).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
JSON=()
case " $* " in *" --json"*) ;; *) JSON=(--json target/evaluate-effects.json) ;; esac
start=$(date +%s)
java -jar target/quarkus-app/quarkus-run.jar evaluate-effects "${JSON[@]}" "$@"
printf 'wall clock %d s, %s cores, %s\n' "$(( $(date +%s) - start ))" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
