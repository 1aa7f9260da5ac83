#!/usr/bin/env bash
# The DL4J listener's overhead on the DL4J peer's MLP (see ListenerOverhead.java and docs/performance.md).
#   bash triage-dl4j/bench/overhead.sh [repeats (default 7)] [epochs per trial (default 20)]
# Builds the module's test classes, then runs the benchmark with 2 OpenMP/OpenBLAS threads, as the peer.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
flock /tmp/triage-mvn.lock mvn -q -B -pl triage-dl4j -am -DskipTests test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >&2
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-2} OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
exec java ${JAVA_OPTS:-} -Ddatasets.dir="$ROOT/../shared/datasets" \
    -cp "triage-dl4j/target/test-classes:triage-dl4j/target/classes:$(cat triage-dl4j/target/cp.txt)" \
    dev.triage.dl4j.bench.ListenerOverhead "$@"
