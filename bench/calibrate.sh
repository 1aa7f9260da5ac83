#!/usr/bin/env bash
# The calibration harness (docs/calibration.md): builds triage-calibrate/target/calibrate.jar when a
# source is newer (under the shared Maven lock), then trains the healthy and faulty populations at low
# priority and writes calibration.json and calibration.md into --out (default calibration-out).
#
#   bench/calibrate.sh                       # the full run: 400 healthy candidates, 8 runs per fault class
#   bench/calibrate.sh --runs 20 --per-class 1 --no-repair    # a quick sample
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/triage-calibrate/target/calibrate.jar"
lock=${TRIAGE_MVN_LOCK:-/tmp/triage-mvn.lock}
stale() {
    [ ! -f "$jar" ] && return 0
    [ -n "$(find "$root/pom.xml" "$root/triage-core/pom.xml" "$root/triage-calibrate/pom.xml" \
        "$root/triage-core/src/main" "$root/triage-calibrate/src/main" -type f -newer "$jar" -print -quit 2>/dev/null)" ]
}
if stale; then
    echo "calibrate: building the jar ..." >&2
    (cd "$root" && flock "$lock" mvn -q -B -Dmaven.test.skip=true package -pl triage-calibrate -am) >&2
fi
args=("$@")
has_datasets=no
for a in "$@"; do [ "$a" = "--datasets" ] && has_datasets=yes; done
[ $has_datasets = no ] && args+=(--datasets "$root/../shared/datasets")
exec nice -n 10 java --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xmx3g ${CALIBRATE_JAVA_OPTS:-} \
    -jar "$jar" "${args[@]}" 2> >(grep -v '^WARNING: Using incubator modules: jdk.incubator.vector$' >&2)
