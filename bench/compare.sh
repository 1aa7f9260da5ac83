#!/usr/bin/env bash
# Triage against the peer MLP benchmarks (../shared/bench/peers) in one run on this machine:
# PyTorch and scikit-learn (Debian's python3-torch, python3-sklearn), then `triage bench` with the
# doctor off and on, for the small and the wide configuration; REPEATS runs each, interleaved so
# that drifts in background load hit everyone alike. Prints every JSON line, then a table of medians.
#
#   bash bench/compare.sh                 # REPEATS=3 CONFIGS="small wide" EPOCHS= (peers' default 20)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peers=${PEERS_DIR:-$root/../shared/bench/peers}
REPEATS=${REPEATS:-3}
CONFIGS=${CONFIGS:-"small wide"}
PY=${PY:-/usr/bin/python3}
out=$(mktemp)
data_small=$root/../shared/datasets/wine_quality_white.csv
data_wide=$root/../shared/datasets/mnist_test.csv.gz
for r in $(seq "$REPEATS"); do
  for c in $CONFIGS; do
    data=$data_small; [ "$c" = wide ] && data=$data_wide
    for p in torch sklearn; do
      "$PY" "$peers/mlp_$p.py" --config "$c" --threads 2 --data "$data" ${EPOCHS:+--epochs $EPOCHS} | tail -1 | tee -a "$out"
    done
    "$root/triage" bench --config "$root/bench/$c.yaml" --repeat 1 ${EPOCHS:+--set training.epochs=$EPOCHS} \
      | grep -v '"summary"' | tee -a "$out"
  done
done
"$PY" - "$out" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    line = line.strip()
    if not line.startswith("{"):
        continue
    d = json.loads(line)
    peer = d["peer"] + ("" if d["peer"] != "triage" else (" (doctor on)" if d.get("doctor") else " (doctor off)"))
    rows.setdefault((d["config"], peer), []).append(d)
print("\n| config | peer | runs | samples/s (median) | train s (median) | test metric | vs torch | vs sklearn |")
print("|---|---|---|---|---|---|---|---|")
med = {k: statistics.median(x["samples_per_second"] for x in v) for k, v in rows.items()}
for (c, p), v in sorted(rows.items()):
    metric = "rmse %.4f" % statistics.median(x["test_rmse"] for x in v) if v[0].get("test_rmse") is not None \
        else "acc %.4f" % statistics.median(x["test_accuracy"] for x in v)
    t = med.get((c, "torch")); s = med.get((c, "sklearn"))
    print("| %s | %s | %d | %.0f | %.3f | %s | %s | %s |" % (c, p, len(v), med[(c, p)],
          statistics.median(x["train_seconds"] for x in v), metric,
          "%.2fx" % (med[(c, p)] / t) if t else "-", "%.2fx" % (med[(c, p)] / s) if s else "-"))
for c in sorted({c for c, _ in rows}):
    on = rows.get((c, "triage (doctor on)")); off = rows.get((c, "triage (doctor off)"))
    if on and off:
        print("%s: doctor on/off wall-time ratio %.3f" % (c, statistics.median(x["train_seconds"] for x in on)
              / statistics.median(x["train_seconds"] for x in off)))
PY
rm -f "$out"
