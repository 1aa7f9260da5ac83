#!/usr/bin/env bash
# Triage against the peer MLP benchmarks (../shared/bench/peers) in one run on this machine:
# 1. steady state: PyTorch and scikit-learn (Debian's python3-torch, python3-sklearn), then `triage
#    bench` with the doctor off and on, for the small and the wide configuration; REPEATS runs each,
#    interleaved so that drifts in background load hit everyone alike;
# 2. whole process: `triage train --config bench/<config>.yaml` (doctor on, default outputs, a fresh
#    JVM) against the PyTorch script started fresh, paired A B A B: wall time, CPU time (user + system)
#    and peak resident memory from /usr/bin/time; then `triage demo` and `triage check` on the 4,898-row
#    wine file alone.
# Prints every JSON line, then tables of medians with the load average before and after.
#
#   bash bench/compare.sh        # REPEATS=3 CONFIGS="small wide" EPOCHS= (peers' default 20) PARTS="steady whole"
#   PARTS=whole WHOLE_PEERS="torch sklearn" bash bench/compare.sh
#   PARTS=whole BASE=/path/to/other/checkout/triage bash bench/compare.sh   # also times another build, paired
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peers=${PEERS_DIR:-$root/../shared/bench/peers}
REPEATS=${REPEATS:-3}
CONFIGS=${CONFIGS:-"small wide"}
PY=${PY:-/usr/bin/python3}
PARTS=${PARTS:-"steady whole"}
TRIAGE=${TRIAGE:-$root/triage} # the launcher whose whole processes are timed (this checkout's by default)
WHOLE_PEERS=${WHOLE_PEERS:-torch}
out=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data_small=$root/../shared/datasets/wine_quality_white.csv
data_wide=$root/../shared/datasets/mnist_test.csv.gz
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
"$TRIAGE" --version >/dev/null # builds the jar first when it is stale, outside any timing
[ -z "${BASE:-}" ] || "$BASE" --version >/dev/null

# One whole process: wall, user + system CPU and peak RSS of `cmd...` as a JSON line labelled peer/config.
whole() {
  local peer=$1 config=$2; shift 2
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
    case "$peer" in triage*) ;; *) echo "$peer $config failed:" >&2; cat "$work/err" >&2; return ;; esac
  fi
  read -r wall user sys rss < <(tail -1 "$work/time")
  echo "{\"part\": \"whole\", \"peer\": \"$peer\", \"config\": \"$config\", \"wall\": $wall, \"cpu\": $(awk "BEGIN { print $user + $sys }"), \"rss_mb\": $((rss / 1024))}" \
    | tee -a "$out"
}

for r in $(seq "$REPEATS"); do
  case " $PARTS " in *" steady "*) ;; *) break ;; esac
  for c in $CONFIGS; do
    data=$data_small; [ "$c" = wide ] && data=$data_wide
    for p in torch sklearn; do
      "$PY" "$peers/mlp_$p.py" --config "$c" --threads 2 --data "$data" ${EPOCHS:+--epochs $EPOCHS} | tail -1 | tee -a "$out"
    done
    "$root/triage" bench --config "$root/bench/$c.yaml" --repeat 1 ${EPOCHS:+--set training.epochs=$EPOCHS} \
      | grep -v '"summary"' | tee -a "$out"
  done
done
for r in $(seq "$REPEATS"); do
  case " $PARTS " in *" whole "*) ;; *) break ;; esac
  for c in $CONFIGS; do
    data=$data_small; [ "$c" = wide ] && data=$data_wide
    whole triage "$c" "$TRIAGE" train --config "$root/bench/$c.yaml" --set "output.dir=$work/runs" \
      ${EPOCHS:+--epochs $EPOCHS}
    if [ -n "${BASE:-}" ]; then
      whole "triage (base)" "$c" "$BASE" train --config "$root/bench/$c.yaml" --set "output.dir=$work/runs" \
        ${EPOCHS:+--epochs $EPOCHS}
    fi
    for p in $WHOLE_PEERS; do
      whole "$p" "$c" "$PY" "$peers/mlp_$p.py" --config "$c" --threads 2 --data "$data" ${EPOCHS:+--epochs $EPOCHS}
    done
    rm -rf "$work/runs"
  done
  for t in "$TRIAGE" ${BASE:+"$BASE"}; do
    label=triage; [ "$t" = "$TRIAGE" ] || label="triage (base)"
    whole "$label demo" demo "$t" demo --dir "$work/demo"
    rm -rf "$work/demo"
    whole "$label check" check "$t" check --data "$data_small" --target quality
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
"$PY" - "$out" <<'PY'
import json, statistics, sys
rows = {}
whole = {}
loads = []
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("load average"):
        loads.append(line)
    if not line.startswith("{"):
        continue
    d = json.loads(line)
    if d.get("part") == "whole":
        whole.setdefault((d["config"], d["peer"]), []).append(d)
        continue
    peer = d["peer"] + ("" if d["peer"] != "triage" else (" (doctor on)" if d.get("doctor") else " (doctor off)"))
    rows.setdefault((d["config"], peer), []).append(d)
if rows:
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
if whole:
    print("\n| config | whole process | runs | wall s | CPU s | peak RSS MB | wall vs torch | RSS vs torch |")
    print("|---|---|---|---|---|---|---|---|")
    m = {k: {f: statistics.median(x[f] for x in v) for f in ("wall", "cpu", "rss_mb")} for k, v in whole.items()}
    for (c, p), v in sorted(whole.items()):
        t = m.get((c, "torch"))
        print("| %s | %s | %d | %.2f | %.2f | %d | %s | %s |" % (c, p, len(v), m[(c, p)]["wall"], m[(c, p)]["cpu"],
              m[(c, p)]["rss_mb"], "%.2fx" % (m[(c, p)]["wall"] / t["wall"]) if t else "-",
              "%.2fx" % (m[(c, p)]["rss_mb"] / t["rss_mb"]) if t else "-"))
print("\n" + "; ".join(loads) + " (2 cores: above ~1 the timings share the machine)")
PY
rm -f "$out"
