"""Runs every scenario script as a user would and checks that its log shows the failure it stages.

The data sets come from $TRIAGE_DATASETS, else from shared/datasets beside the repository (where CI
and the Java tests find them), else /work/shared/datasets; without them the tests skip.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
import unittest
from typing import Any, Dict, List

from helpers import TempDir, of_type, read_log

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(os.path.dirname(HERE), "scenarios")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def _datasets() -> str:
    candidates = [os.environ.get("TRIAGE_DATASETS", ""), os.path.join(os.path.dirname(REPO), "shared", "datasets"),
                  "/work/shared/datasets"]
    for c in candidates:
        if c and os.path.exists(os.path.join(c, "wine_quality_red.csv")):
            return c
    return candidates[-1]


DATA = _datasets()


@unittest.skipUnless(os.path.exists(os.path.join(DATA, "wine_quality_red.csv")), f"no data sets in {DATA}")
class ScenarioTest(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = TempDir()

    def tearDown(self) -> None:
        self.tmp.cleanup()

    def run_scenario(self, name: str) -> List[Dict[str, Any]]:
        out = self.tmp.path(name + ".jsonl")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, os.path.join(SCENARIOS, name + ".py"), "--data-dir", DATA, "--out", out],
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stderr)
        sys.stderr.write(f"[{name}: {time.perf_counter() - start:.1f}s] ")
        records = read_log(out)
        self.assertEqual(records[0]["type"], "run")
        self.assertEqual(records[-1]["type"], "end")
        steps = [r["step"] for r in records if "step" in r]
        self.assertEqual(steps, sorted(steps))
        return records

    @staticmethod
    def ratio(epoch: Dict[str, Any]) -> float:
        return float(epoch["prediction_std"]) / float(epoch["target_std"])

    def test_healthy(self) -> None:
        records = self.run_scenario("healthy")
        last = of_type(records, "epoch")[-1]
        self.assertEqual(len(of_type(records, "epoch")), 30)
        self.assertLess(last["validation_metric"], 0.85 * last["target_std"])
        self.assertGreater(self.ratio(last), 0.5)
        self.assertEqual(of_type(records, "nonfinite"), [])
        self.assertTrue(all(c["broadcast_shape"] is None for c in of_type(records, "loss_call")))
        self.assertEqual(records[-1]["stop_reason"], "completed")

    def test_broadcast_mse(self) -> None:
        records = self.run_scenario("broadcast_mse")
        self.assertEqual(of_type(records, "loss_call")[0]["broadcast_shape"], [32, 32])
        last = of_type(records, "epoch")[-1]
        self.assertGreater(last["validation_metric"], 0.95 * last["target_std"])  # no better than the mean
        self.assertLess(self.ratio(last), 0.2)

    def test_unscaled_features(self) -> None:
        records = self.run_scenario("unscaled_features")
        stds = records[0]["inputs"]["std"]
        self.assertGreater(max(stds) / min(stds), 100)
        last = of_type(records, "epoch")[-1]
        self.assertGreater(last["validation_metric"], last["target_std"])  # worse than predicting the mean

    def test_nan_rate(self) -> None:
        records = self.run_scenario("nan_rate")
        nonfinite = of_type(records, "nonfinite")
        self.assertEqual(len(nonfinite), 1)
        self.assertLessEqual(nonfinite[0]["epoch"], 3)
        self.assertEqual(records[-1]["stop_reason"], "non_finite")

    def test_dead_relu(self) -> None:
        records = self.run_scenario("dead_relu")
        last_epoch = of_type(records, "epoch")[-1]["epoch"]
        late = [p for p in of_type(records, "probe") if p["epoch"] == last_epoch]
        self.assertTrue(late)
        self.assertGreaterEqual(min(p["dead_fraction"][1] for p in late), 0.9)
        self.assertLess(self.ratio(of_type(records, "epoch")[-1]), 0.01)

    def test_sigmoid_unscaled_target(self) -> None:
        records = self.run_scenario("sigmoid_unscaled_target")
        self.assertEqual(records[0]["layers"][-1]["activation"], "sigmoid")
        self.assertGreater(of_type(records, "probe")[-1]["saturated_fraction"][-1], 0.5)
        last = of_type(records, "epoch")[-1]
        self.assertGreater(last["validation_metric"], 3 * last["target_std"])

    def test_dropout_functional(self) -> None:
        records = self.run_scenario("dropout_functional")
        layers = records[0]["layers"]
        self.assertEqual([(l["activation"], l["activation_assumed"], l["dropout"]) for l in layers],
                         [("relu", True, 0.2), ("relu", True, 0.0), ("identity", False, 0.0)])


if __name__ == "__main__":
    unittest.main()
