#!/usr/bin/env bash
# Builds this example against the installed triage-core (mvn install in the repository first) and runs it
# on a shipped dataset. Exit 0 when training, diagnosis and prediction all worked.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${1:-$here/../../../shared/datasets/wine_quality_red.csv}"
out="$(mktemp -d)"
mvn -q -B -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt"
java --add-modules jdk.incubator.vector -cp "$here/target/classes:$(cat "$out/cp.txt")" \
    example.TrainDiagnosePredict "$data" quality "$out/runs" 2> >(grep -v 'incubator' >&2)
