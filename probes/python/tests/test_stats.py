"""Validation metrics and spreads, checked by hand."""
from __future__ import annotations

import math
import unittest

import torch

import helpers  # noqa: F401  (puts the package on the path)
from triage_probe._stats import activation_stats, input_stats, validation_summary


class ValidationSummaryTest(unittest.TestCase):
    def test_regression_compares_each_prediction_with_its_own_target(self) -> None:
        s = validation_summary("regression", "MSELoss", torch.tensor([[1.0], [2.0], [3.0], [4.0]]),
                               torch.tensor([1.0, 2.0, 3.0, 6.0]))
        self.assertEqual((s["metric"], s["validation_metric"], s["mse"]), ("rmse", 1.0, 1.0))
        self.assertAlmostEqual(s["prediction_std"], math.sqrt(1.25), places=6)
        self.assertAlmostEqual(s["target_std"], math.sqrt(3.5), places=6)

    def test_multiclass_from_logits(self) -> None:
        logits = torch.tensor([[2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 2.0], [2.0, 0.0, 0.0]])
        s = validation_summary("classification", "CrossEntropyLoss", logits, torch.tensor([0, 1, 2, 1]))
        hi = math.exp(2) / (math.exp(2) + 2)
        lo = 1 / (math.exp(2) + 2)
        self.assertEqual((s["metric"], s["validation_metric"]), ("accuracy", 0.75))
        self.assertAlmostEqual(s["log_loss"], (-3 * math.log(hi) - math.log(lo)) / 4, places=6)
        # Per class: probabilities (hi, lo, lo, hi) for class 0, (lo, hi, lo, lo) for 1 and 2.
        def pop_std(values: list) -> float:
            m = sum(values) / len(values)
            return math.sqrt(sum((v - m) ** 2 for v in values) / len(values))

        expected = (pop_std([hi, lo, lo, hi]) + 2 * pop_std([lo, hi, lo, lo])) / 3
        self.assertAlmostEqual(s["prediction_std"], expected, places=6)
        # One-hot targets: class 0 once, 1 twice, 2 once.
        self.assertAlmostEqual(s["target_std"], (2 * pop_std([1, 0, 0, 0]) + pop_std([0, 1, 0, 1])) / 3, places=9)

    def test_nll_takes_log_probabilities(self) -> None:
        probs = torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]])
        s = validation_summary("classification", "NLLLoss", probs.log(), torch.tensor([0, 2]))
        self.assertEqual(s["validation_metric"], 0.5)
        self.assertAlmostEqual(s["log_loss"], -(math.log(0.7) + math.log(0.1)) / 2, places=6)

    def test_binary_single_output(self) -> None:
        logits = torch.tensor([[3.0], [-1.0], [0.5], [-2.0]])
        targets = torch.tensor([[1.0], [0.0], [0.0], [0.0]])
        s = validation_summary("classification", "BCEWithLogitsLoss", logits, targets)
        self.assertEqual(s["validation_metric"], 0.75)
        p = [1 / (1 + math.exp(-v)) for v in (3.0, -1.0, 0.5, -2.0)]
        expected = -(math.log(p[0]) + math.log(1 - p[1]) + math.log(1 - p[2]) + math.log(1 - p[3])) / 4
        self.assertAlmostEqual(s["log_loss"], expected, places=6)
        self.assertAlmostEqual(s["target_std"], math.sqrt(0.25 * 0.75), places=9)

    def test_probabilities_are_taken_as_they_are_for_bce(self) -> None:
        s = validation_summary("classification", "BCELoss", torch.tensor([0.9, 0.2, 0.6]), torch.tensor([1.0, 0.0, 0.0]))
        self.assertAlmostEqual(s["validation_metric"], 2 / 3)


class TensorStatsTest(unittest.TestCase):
    def test_activation_stats_of_a_known_tensor(self) -> None:
        z = torch.tensor([[-1.0, 2.0, -3.0], [1.0, -2.0, -1.0]])
        s = activation_stats(z, torch.relu(z), "relu")
        self.assertAlmostEqual(s["act_mean"], 0.5)  # relu: [[0, 2, 0], [1, 0, 0]]
        self.assertAlmostEqual(s["act_std"], math.sqrt(5 / 6 - 0.25))
        self.assertAlmostEqual(s["pre_act_std"], math.sqrt(20 / 6 - (4 / 6) ** 2))
        self.assertAlmostEqual(s["zero_fraction"], 4 / 6)
        self.assertAlmostEqual(s["dead_fraction"], 1 / 3)  # the third unit is 0 for both rows
        self.assertIsNone(s["saturated_fraction"])

    def test_the_output_layers_tiny_spread_around_a_large_mean_survives(self) -> None:
        values = 5.5 + 3e-5 * torch.linspace(-1, 1, 32).reshape(32, 1)  # a network predicting a constant
        s = activation_stats(values, values, "identity", exact=True)  # the output layer is summed in float64
        want = float(values.double().std(unbiased=False))
        self.assertAlmostEqual(s["act_std"] / want, 1.0, places=3)

    def test_hidden_layers_are_summed_in_their_own_precision(self) -> None:
        torch.manual_seed(0)
        values = 2.0 + 0.5 * torch.randn(64, 32)
        s = activation_stats(values, values, "identity")
        want = float(values.double().std(unbiased=False))
        self.assertAlmostEqual(s["act_std"] / want, 1.0, places=4)
        self.assertAlmostEqual(s["act_mean"], float(values.double().mean()), places=5)

    def test_leaky_units_are_dead_when_never_positive(self) -> None:
        a = torch.tensor([[-0.01, 0.5], [-0.02, -0.01]])
        self.assertEqual(activation_stats(None, a, "leaky_relu")["dead_fraction"], 0.5)

    def test_input_stats_of_a_vector(self) -> None:
        s = input_stats(torch.tensor([1.0, 2.0, 3.0]))
        assert s is not None
        self.assertEqual((s["rows"], s["mean"], s["min"], s["max"], s["nonfinite"]), (3, [2.0], [1.0], [3.0], [0]))


if __name__ == "__main__":
    unittest.main()
