"""The probe end to end: records and their order, hand-checked numbers, shapes, non-finite values,
hooks. Run: cd probes/python && /usr/bin/python3 -m unittest discover -s tests -v"""
from __future__ import annotations

import copy
import io
import math
import unittest
import warnings
from collections import OrderedDict
from typing import Any, Dict, List, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.modules import module as torch_module

from helpers import Probe, TempDir, of_type, read_log, train, types


def triage_warnings(caught: List[warnings.WarningMessage]) -> List[str]:
    return [str(w.message) for w in caught if str(w.message).startswith("triage:")]


def hand_network() -> nn.Sequential:
    """2 -> 2 (ReLU) -> 1 with weights small enough to follow on paper."""
    net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
    with torch.no_grad():
        net[0].weight.copy_(torch.tensor([[1.0, 0.0], [0.0, -1.0]]))
        net[0].bias.zero_()
        net[2].weight.copy_(torch.tensor([[2.0, 3.0]]))
        net[2].bias.zero_()
    return net


class ProbeTestCase(unittest.TestCase):
    def setUp(self) -> None:
        torch.manual_seed(0)
        self.tmp = TempDir()
        self.path = self.tmp.path()

    def tearDown(self) -> None:
        self.tmp.cleanup()


class RecordsTest(ProbeTestCase):
    def test_records_come_in_order_with_their_fields(self) -> None:
        model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        batches = [(torch.randn(5, 3), torch.randn(5, 1)) for _ in range(4)]
        x_val, y_val = torch.randn(6, 3), torch.randn(6, 1)
        with Probe(self.path, task="regression", epochs=2, train_rows=20, validation_rows=6, min_probe_spacing=1,
                   probes_per_epoch=2) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, batches, probe, epochs=2, validation=(x_val, y_val))
        records = read_log(self.path)
        # Epoch 1 probes steps 0, 1, 2 (0, 1, 2, 4, ... while its length is unknown); epoch 2, of 4
        # known steps, probes the last step of each half: in-epoch 1 and 3, i.e. steps 5 and 7.
        self.assertEqual(types(records), [
            "run", "loss_call", "step", "probe", "step", "probe", "step", "probe", "step", "epoch",
            "step", "step", "probe", "step", "step", "probe", "epoch", "end"])
        run = records[0]
        self.assertEqual((run["format"], run["version"], run["framework"], run["task"]),
                         ("triage-telemetry", 1, "pytorch", "regression"))
        self.assertEqual(run["framework_version"], torch.__version__)
        self.assertEqual((run["batch_size"], run["epochs"], run["train_rows"], run["validation_rows"]), (5, 2, 20, 6))
        self.assertEqual(run["loss"], "MSELoss")
        self.assertEqual(run["optimizer"], {"name": "sgd", "learning_rate": 0.1, "momentum": 0.0, "weight_decay": 0.0})
        self.assertEqual(run["parameters"], 16 + 5)
        self.assertEqual(run["classes"], 0)
        steps = of_type(records, "step")
        self.assertEqual([s["step"] for s in steps], list(range(8)))
        self.assertEqual([s["epoch"] for s in steps], [1] * 4 + [2] * 4)
        for s in steps:
            self.assertEqual(set(s), {"type", "step", "epoch", "loss", "learning_rate"})
            self.assertEqual(s["learning_rate"], 0.1)
        self.assertEqual([p["step"] for p in of_type(records, "probe")], [0, 1, 2, 5, 7])
        for p in of_type(records, "probe"):
            for key in ("grad_norm", "weight_norm", "update_norm", "act_mean", "act_std", "pre_act_std",
                        "zero_fraction", "dead_fraction", "saturated_fraction"):
                self.assertEqual(len(p[key]), 2, key)
            self.assertEqual(p["dead_fraction"], [None, None])  # tanh and identity: not the ReLU family
            self.assertIsNone(p["saturated_fraction"][1])
            self.assertIsNotNone(p["saturated_fraction"][0])
        epochs = of_type(records, "epoch")
        self.assertEqual([(e["epoch"], e["step"]) for e in epochs], [(1, 4), (2, 8)])
        self.assertAlmostEqual(epochs[0]["train_loss"], sum(s["loss"] for s in steps[:4]) / 4, places=12)
        self.assertEqual(epochs[0]["metric"], "rmse")
        for key in ("learning_rate", "validation_loss", "validation_metric", "prediction_std", "target_std", "seconds"):
            self.assertIn(key, epochs[0])
        end = records[-1]
        self.assertEqual((end["epochs_run"], end["stop_reason"]), (2, "completed"))
        self.assertEqual(end["train_loss"], epochs[1]["train_loss"])
        self.assertEqual(end["validation_loss"], epochs[1]["validation_loss"])
        self.assertAlmostEqual(end["validation_mse"], epochs[1]["validation_metric"] ** 2, places=9)

    def test_the_run_record_describes_layers_in_forward_order(self) -> None:
        model = nn.Sequential(OrderedDict([
            ("fc1", nn.Linear(5, 8)), ("bn", nn.BatchNorm1d(8)), ("act1", nn.LeakyReLU()), ("drop", nn.Dropout(0.3)),
            ("fc2", nn.Linear(8, 6)), ("act2", nn.Sigmoid()), ("fc3", nn.Linear(6, 3)),
        ]))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-4)
        with Probe(self.path, task="classification", classes=3) as probe:
            loss_fn = probe.watch(model, optimizer, nn.CrossEntropyLoss())
            train(model, optimizer, loss_fn, [(torch.randn(4, 5), torch.tensor([0, 1, 2, 1]))], probe)
        run = read_log(self.path)[0]
        self.assertEqual(run["classes"], 3)
        self.assertEqual(run["loss"], "CrossEntropyLoss")
        self.assertEqual(run["optimizer"], {"name": "nesterov", "learning_rate": 0.01, "momentum": 0.9,
                                            "weight_decay": 0.0001})
        layers = run["layers"]
        self.assertEqual([(l["index"], l["name"], l["kind"], l["in"], l["units"]) for l in layers],
                         [(0, "fc1", "linear", 5, 8), (1, "fc2", "linear", 8, 6), (2, "fc3", "linear", 6, 3)])
        self.assertEqual([l["activation"] for l in layers], ["leaky_relu", "sigmoid", "identity"])
        self.assertEqual([l["activation_assumed"] for l in layers], [False, False, False])
        self.assertEqual([l["dropout"] for l in layers], [0.3, 0.0, 0.0])
        self.assertEqual([l["batch_norm"] for l in layers], [True, False, False])
        self.assertEqual([l["parameters"] for l in layers], [48, 54, 21])
        self.assertEqual([l["init"] for l in layers], ["pytorch_default"] * 3)
        self.assertEqual(run["parameters"], 48 + 16 + 54 + 21)  # BatchNorm's scale and shift count too

    def test_inputs_and_targets_are_the_first_batch(self) -> None:
        model = nn.Sequential(nn.Linear(2, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.0)
        x = torch.tensor([[1.0, 10.0], [3.0, float("nan")], [5.0, 30.0], [7.0, float("inf")]])
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.L1Loss())
            train(model, optimizer, loss_fn, [(x, torch.tensor([[1.0], [2.0], [3.0], [6.0]]))], probe)
        run = read_log(self.path)[0]
        self.assertEqual(run["targets"], {"rows": 4, "mean": 3.0, "std": math.sqrt(3.5), "min": 1.0, "max": 6.0})
        inputs = run["inputs"]
        self.assertEqual(inputs["rows"], 4)
        self.assertEqual(inputs["mean"], [4.0, 20.0])
        self.assertEqual(inputs["std"], [math.sqrt(5.0), 10.0])  # population spread, finite values only
        self.assertEqual(inputs["min"], [1.0, 10.0])
        self.assertEqual(inputs["max"], [7.0, 30.0])
        self.assertEqual(inputs["nonfinite"], [0, 2])

    def test_probes_per_epoch_zero_writes_no_probe(self) -> None:
        model = nn.Sequential(nn.Linear(2, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        with Probe(self.path, probes_per_epoch=0) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, [(torch.randn(3, 2), torch.randn(3, 1))] * 3, probe, epochs=2)
        self.assertNotIn("probe", types(read_log(self.path)))

    def test_probe_schedule_spreads_over_known_epochs(self) -> None:
        model = nn.Sequential(nn.Linear(2, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        with Probe(self.path, probes_per_epoch=4, min_probe_spacing=1) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, [(torch.randn(3, 2), torch.randn(3, 1))] * 10, probe, epochs=2)
        steps = [p["step"] for p in of_type(read_log(self.path), "probe")]
        self.assertEqual(steps, [0, 1, 2, 4, 8, 11, 14, 16, 19])

    def test_an_exception_ends_the_log_with_error(self) -> None:
        model = nn.Sequential(nn.Linear(2, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        with self.assertRaises(ZeroDivisionError):
            with Probe(self.path) as probe:
                loss_fn = probe.watch(model, optimizer, nn.MSELoss())
                loss_fn(model(torch.randn(3, 2)), torch.randn(3, 1)).backward()
                optimizer.step()
                _ = 1 / 0
        records = read_log(self.path)
        self.assertEqual(records[-1], {"type": "end", "epochs_run": 0, "stop_reason": "error"})
        self.assertEqual(types(records), ["run", "loss_call", "step", "probe", "end"])

    def test_validation_loss_defaults_to_the_watched_loss(self) -> None:
        model = nn.Sequential(nn.Linear(1, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.0)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, [(torch.ones(2, 1), torch.ones(2, 1))], probe)
            probe.epoch(val_predictions=torch.tensor([[1.0], [2.0], [3.0], [4.0]]),
                        val_targets=torch.tensor([1.0, 2.0, 3.0, 6.0]))
        epoch = of_type(read_log(self.path), "epoch")[1]
        # The watched MSELoss broadcasts [4, 1] against [4]: the default loss is what the user's loss says...
        self.assertAlmostEqual(epoch["validation_loss"], F.mse_loss(
            torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.tensor([1.0, 2.0, 3.0, 6.0])).item(), places=6)
        # ... while the metric compares each prediction with its own target.
        self.assertEqual(epoch["validation_metric"], 1.0)
        self.assertAlmostEqual(epoch["prediction_std"], math.sqrt(1.25), places=6)
        self.assertAlmostEqual(epoch["target_std"], math.sqrt(3.5), places=6)


class NormsTest(ProbeTestCase):
    def test_norms_and_activations_by_hand(self) -> None:
        # x = [1, 1]: z = [1, -1], relu = [1, 0], prediction 2, MSE against 0 is 4, dL/dpred = 4.
        # grad W2 = 4 * [1, 0]; dL/dz = [8, 0] so grad W1 = [[8, 8], [0, 0]]. SGD at 0.1 moves each by 0.1 x grad.
        model = hand_network()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, [(torch.tensor([[1.0, 1.0]]), torch.tensor([[0.0]]))], probe)
        records = read_log(self.path)
        self.assertEqual(of_type(records, "step")[0]["loss"], 4.0)
        p = of_type(records, "probe")[0]
        self.assertEqual((p["step"], p["epoch"], p["loss"], p["learning_rate"]), (0, 1, 4.0, 0.1))
        expected = {
            "grad_norm": [8 * math.sqrt(2), 4.0], "weight_norm": [math.sqrt(2), math.sqrt(13)],
            "update_norm": [0.8 * math.sqrt(2), 0.4], "act_mean": [0.5, 2.0], "act_std": [0.5, 0.0],
            "pre_act_std": [1.0, 0.0], "zero_fraction": [0.5, 0.0],
        }
        for key, values in expected.items():
            for got, want in zip(p[key], values):
                self.assertAlmostEqual(got, want, places=5, msg=key)
        self.assertEqual(p["dead_fraction"], [0.5, None])
        self.assertEqual(p["saturated_fraction"], [None, None])
        self.assertEqual(p["prediction_std"], 0.0)

    def test_sgd_update_norm_is_rate_times_gradient_norm(self) -> None:
        model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
        batches = [(torch.randn(16, 6), torch.randn(16, 1)) for _ in range(5)]
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, batches, probe)
        probes = of_type(read_log(self.path), "probe")
        self.assertEqual([p["step"] for p in probes], [0, 1, 2, 4])
        for p in probes:
            for grad, update in zip(p["grad_norm"], p["update_norm"]):
                self.assertAlmostEqual(update, 0.05 * grad, delta=1e-6 * max(1.0, grad))

    def test_prediction_spread_over_the_batch(self) -> None:
        model = nn.Sequential(nn.Linear(1, 1))
        with torch.no_grad():
            model[0].weight.fill_(2.0)
            model[0].bias.fill_(1.0)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.0)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, [(torch.tensor([[0.0], [1.0], [2.0], [3.0]]), torch.zeros(4, 1))], probe)
        p = of_type(read_log(self.path), "probe")[0]
        self.assertAlmostEqual(p["prediction_std"], 2 * math.sqrt(1.25), places=6)  # outputs 1, 3, 5, 7


class ActivationStatsTest(ProbeTestCase):
    def _probe_of(self, model: nn.Module, x: torch.Tensor) -> Dict[str, Any]:
        optimizer = torch.optim.SGD(model.parameters(), lr=0.0)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, [(x, torch.zeros(x.shape[0], 1))], probe)
        return of_type(read_log(self.path), "probe")[0]

    def test_relu_units_with_negative_weights_are_dead(self) -> None:
        model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
        with torch.no_grad():
            model[0].weight.fill_(-1.0)
            model[0].bias.fill_(-1.0)
        p = self._probe_of(model, torch.rand(16, 4) + 0.1)
        self.assertEqual(p["dead_fraction"][0], 1.0)
        self.assertEqual(p["zero_fraction"][0], 1.0)
        self.assertEqual(p["act_mean"][0], 0.0)
        self.assertEqual(p["grad_norm"][0], 0.0)  # dead units pass no gradient back

    def test_half_the_units_dead(self) -> None:
        model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
        with torch.no_grad():
            model[0].weight[:4].fill_(1.0)
            model[0].weight[4:].fill_(-1.0)
            model[0].bias.zero_()
        p = self._probe_of(model, torch.rand(16, 4) + 0.1)
        self.assertEqual(p["dead_fraction"][0], 0.5)
        self.assertEqual(p["zero_fraction"][0], 0.5)

    def test_saturated_fraction_of_tanh_and_sigmoid(self) -> None:
        # z = [10, 10, 0.01, 0.01] and twice that: tanh(10) and sigmoid(10) sit within 1% of their limit.
        for act, name in ((nn.Tanh(), "tanh"), (nn.Sigmoid(), "sigmoid")):
            with self.subTest(name):
                model = nn.Sequential(nn.Linear(1, 4), act, nn.Linear(4, 1))
                with torch.no_grad():
                    model[0].weight.copy_(torch.tensor([[10.0], [10.0], [0.01], [0.01]]))
                    model[0].bias.zero_()
                p = self._probe_of(model, torch.tensor([[1.0], [2.0]]))
                self.assertEqual(p["saturated_fraction"], [0.5, None])
                self.assertEqual(p["dead_fraction"], [None, None])

    def test_inplace_relu_keeps_the_pre_activation(self) -> None:
        model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(inplace=True), nn.Linear(2, 1))
        with torch.no_grad():
            model[0].weight.copy_(torch.tensor([[1.0, 0.0], [0.0, -1.0]]))
            model[0].bias.zero_()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.0)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, [(torch.tensor([[1.0, 1.0]]), torch.zeros(1, 1))] * 3, probe)
        probes = of_type(read_log(self.path), "probe")
        self.assertEqual(len(probes), 3)
        for p in probes:  # z = [1, -1] before the in-place ReLU overwrote it with [1, 0]
            self.assertAlmostEqual(p["pre_act_std"][0], 1.0, places=6)
            self.assertAlmostEqual(p["act_std"][0], 0.5, places=6)


class ShapesTest(ProbeTestCase):
    def _one_call(self, loss: Any, pred_shape: tuple, target_shape: tuple) -> tuple:
        model = nn.Sequential(nn.Linear(3, pred_shape[1] if len(pred_shape) > 1 else 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with Probe(self.path) as probe:
                loss_fn = probe.watch(model, optimizer, loss)
                out = model(torch.randn(pred_shape[0], 3)).reshape(pred_shape)
                loss_fn(out, torch.randn(target_shape)).backward()
                optimizer.step()
        return of_type(read_log(self.path), "loss_call"), triage_warnings(caught)

    def test_mse_of_column_against_vector_warns_and_records_the_broadcast(self) -> None:
        calls, messages = self._one_call(nn.MSELoss(), (8, 1), (8,))
        self.assertEqual(len(messages), 1)
        for part in ("MSELoss", "[8, 1]", "[8]", "[8, 8]", "target.view(-1, 1)", "pred.squeeze(1)"):
            self.assertIn(part, messages[0])
        self.assertEqual(calls, [{"type": "loss_call", "step": 0, "loss": "MSELoss", "prediction_shape": [8, 1],
                                  "target_shape": [8], "prediction_dtype": "float32", "target_dtype": "float32",
                                  "reduction": "mean", "broadcast_shape": [8, 8]}])

    def test_functional_loss_warns_too(self) -> None:
        calls, messages = self._one_call(F.l1_loss, (5, 1), (5,))
        self.assertEqual(len(messages), 1)
        self.assertEqual((calls[0]["loss"], calls[0]["reduction"], calls[0]["broadcast_shape"]), ("l1_loss", "mean", [5, 5]))

    def test_matching_shapes_do_not_warn(self) -> None:
        calls, messages = self._one_call(nn.MSELoss(), (8, 1), (8, 1))
        self.assertEqual(messages, [])
        self.assertIsNone(calls[0]["broadcast_shape"])
        self.assertIn("broadcast_shape", calls[0])  # written as null: "no broadcast", not "not recorded"

    def test_a_users_own_loss_is_not_assumed_to_broadcast(self) -> None:
        def my_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
            return ((pred - target) ** 2).mean()

        calls, messages = self._one_call(my_loss, (8, 1), (8,))
        self.assertEqual(messages, [])
        self.assertEqual((calls[0]["loss"], calls[0]["prediction_shape"], calls[0]["target_shape"]),
                         ("my_loss", [8, 1], [8]))
        self.assertIsNone(calls[0]["broadcast_shape"])
        self.assertNotIn("reduction", calls[0])

    def test_one_record_per_signature(self) -> None:
        model = nn.Sequential(nn.Linear(2, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        batches = [(torch.randn(4, 2), torch.randn(4, 1))] * 3 + [(torch.randn(2, 2), torch.randn(2, 1))]
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, batches, probe, epochs=2)
        calls = of_type(read_log(self.path), "loss_call")
        self.assertEqual([(c["step"], c["prediction_shape"]) for c in calls], [(0, [4, 1]), (3, [2, 1])])


class NonFiniteTest(ProbeTestCase):
    def _model(self) -> Any:  # Any: the tests reach its layers as model.hidden and model.out
        return nn.Sequential(OrderedDict([("hidden", nn.Linear(2, 4)), ("act", nn.ReLU()),
                                          ("drop", nn.Dropout(0.5)), ("out", nn.Linear(4, 1))]))

    def _run(self, model: nn.Module, batches: Sequence[Tuple[torch.Tensor, torch.Tensor]],
             before_step: Dict[int, Any]) -> List[Dict[str, Any]]:
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            for i, (xb, yb) in enumerate(batches):
                if i in before_step:
                    before_step[i]()
                optimizer.zero_grad()
                loss_fn(model(xb), yb).backward()
                optimizer.step()
            probe.epoch()
        return read_log(self.path)

    def test_a_nan_weight_is_named(self) -> None:
        model = self._model()
        batches = [(torch.randn(4, 2), torch.randn(4, 1)) for _ in range(5)]

        def poison() -> None:
            with torch.no_grad():
                model.out.weight[0, 0] = float("nan")

        records = self._run(model, batches, {3: poison})
        nonfinite = of_type(records, "nonfinite")
        steps = of_type(records, "step")
        self.assertEqual(nonfinite, [{"type": "nonfinite", "step": 3, "epoch": 1, "layer": 1, "layer_name": "out",
                                      "tensor": "weight", "last_finite_loss": steps[2]["loss"]}])
        self.assertEqual(steps[3]["loss"], "NaN")
        self.assertEqual(records[-1]["stop_reason"], "non_finite")

    def test_an_overflowing_layer_is_found_by_replaying_the_forward(self) -> None:
        model = self._model()
        batches = [(torch.full((4, 2), 10.0), torch.zeros(4, 1)) for _ in range(5)]
        rng: Dict[str, torch.Tensor] = {}

        def blow_up() -> None:
            with torch.no_grad():
                model.hidden.weight.fill_(1e38)  # finite, but 2 x 10 x 1e38 overflows float32
            rng["before"] = torch.get_rng_state()

        records = self._run(model, batches, {3: blow_up})  # step 3 is not a probe step: replayed
        nonfinite = of_type(records, "nonfinite")[0]
        self.assertEqual((nonfinite["step"], nonfinite["layer"], nonfinite["layer_name"], nonfinite["tensor"]),
                         (3, 0, "hidden", "activation"))
        self.assertEqual(nonfinite["x_cause"], "activation")

    def test_the_replay_leaves_random_numbers_and_buffers_alone(self) -> None:
        model = nn.Sequential(nn.Linear(2, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.0)
        x = torch.randn(8, 2)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            for _ in range(3):
                loss_fn(model(x), torch.zeros(8, 1)).backward()
            pred = model(x)
            rng, buffers = torch.get_rng_state(), [b.clone() for b in model.buffers()]
            loss_fn(pred * float("inf"), torch.zeros(8, 1))  # step 3, not probed: the forward is replayed
            self.assertTrue(torch.equal(torch.get_rng_state(), rng))
            for b, saved in zip(model.buffers(), buffers):
                self.assertTrue(torch.equal(b, saved))
        nonfinite = of_type(read_log(self.path), "nonfinite")
        # The replayed forward is finite: the non-finite values came after the network.
        self.assertEqual([(n["step"], n["layer"], n["tensor"], n["x_cause"]) for n in nonfinite],
                         [(3, -1, "loss", "prediction")])

    def test_a_nonfinite_target_is_blamed_on_the_target(self) -> None:
        model = self._model()
        batches = [(torch.randn(4, 2), torch.randn(4, 1)), (torch.randn(4, 2), torch.full((4, 1), float("inf")))]
        nonfinite = of_type(self._run(model, batches, {}), "nonfinite")[0]
        self.assertEqual((nonfinite["step"], nonfinite["layer"], nonfinite["tensor"], nonfinite["x_cause"]),
                         (1, -1, "loss", "target"))
        self.assertNotIn("layer_name", nonfinite)

    def test_an_overflow_on_a_probe_step_is_found_in_the_capture(self) -> None:
        model = self._model()
        batches = [(torch.full((4, 2), 10.0), torch.zeros(4, 1)) for _ in range(5)]

        def blow_up() -> None:
            with torch.no_grad():
                model.hidden.weight.fill_(1e38)

        records = self._run(model, batches, {4: blow_up})  # step 4 is a probe step
        nonfinite = of_type(records, "nonfinite")[0]
        self.assertEqual((nonfinite["step"], nonfinite["layer"], nonfinite["tensor"]), (4, 0, "activation"))
        probe = [p for p in of_type(records, "probe") if p["step"] == 4][0]
        self.assertEqual(probe["pre_act_std"][0], "Infinity")

    def test_large_finite_values_are_not_taken_for_infinities(self) -> None:
        # float32 squares overflow past 1.8e19: the norms and spreads are redone in float64 then.
        model = nn.Sequential(nn.Linear(1, 2), nn.ReLU(), nn.Linear(2, 1))
        with torch.no_grad():
            model[0].weight.fill_(1e20)
            model[0].bias.zero_()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.0)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.L1Loss())
            train(model, optimizer, loss_fn, [(torch.tensor([[1.0], [3.0]]), torch.zeros(2, 1))], probe)
        records = read_log(self.path)
        self.assertEqual(of_type(records, "nonfinite"), [])
        p = of_type(records, "probe")[0]
        self.assertAlmostEqual(p["weight_norm"][0] / (math.sqrt(2) * 1e20), 1.0, places=6)
        self.assertAlmostEqual(p["pre_act_std"][0] / 1e20, 1.0, places=6)  # outputs 1e20 and 3e20 per unit
        self.assertAlmostEqual(p["act_mean"][0] / 2e20, 1.0, places=6)

    def test_nan_inputs_are_blamed_on_the_input(self) -> None:
        model = self._model()
        bad = torch.randn(4, 2)
        bad[1, 0] = float("nan")
        batches = [(torch.randn(4, 2), torch.randn(4, 1)), (bad, torch.randn(4, 1))]
        nonfinite = of_type(self._run(model, batches, {}), "nonfinite")[0]
        self.assertEqual((nonfinite["step"], nonfinite["layer"], nonfinite["tensor"], nonfinite["x_cause"]),
                         (1, 0, "activation", "input"))

    def test_no_bare_nan_in_the_json(self) -> None:
        from triage_probe._jsonl import dumps

        self.assertEqual(dumps({"a": float("nan"), "b": [float("inf"), -float("inf"), 1.5], "c": torch.tensor(2.0)}),
                         '{"a":"NaN","b":["Infinity","-Infinity",1.5],"c":2.0}')
        model = self._model()
        batches = [(torch.randn(4, 2), torch.randn(4, 1)) for _ in range(6)]

        def poison() -> None:
            with torch.no_grad():
                model.hidden.weight.fill_(float("nan"))

        records = self._run(model, batches, {1: poison})  # read_log fails on a bare NaN token
        self.assertEqual(of_type(records, "probe")[1]["act_mean"][1], "NaN")
        self.assertEqual(of_type(records, "epoch")[0]["train_loss"], "NaN")


class HooksTest(ProbeTestCase):
    def test_close_removes_every_hook_and_restores_step(self) -> None:
        model = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 2))
        optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
        x = torch.randn(4, 3)
        probe = Probe(self.path, task="classification")
        loss_fn = probe.watch(model, optimizer, nn.CrossEntropyLoss())
        self.assertIn("step", optimizer.__dict__)
        train(model, optimizer, loss_fn, [(x, torch.tensor([0, 1, 1, 0]))] * 3, probe)
        model.eval()
        with torch.no_grad():
            watched = model(x)
        probe.close()
        with torch.no_grad():
            self.assertTrue(torch.equal(model(x), watched))
        for name, m in model.named_modules():
            self.assertEqual(len(m._forward_hooks), 0, name)
            self.assertEqual(len(m._forward_pre_hooks), 0, name)
        self.assertEqual(len(torch_module._global_forward_hooks), 0)
        self.assertEqual(len(torch_module._global_forward_pre_hooks), 0)
        self.assertNotIn("step", optimizer.__dict__)
        before = copy.deepcopy(model.state_dict())
        model.train()
        F.cross_entropy(model(x), torch.tensor([0, 1, 1, 0])).backward()
        optimizer.step()  # the optimizer's own step again
        self.assertFalse(torch.equal(before["0.weight"], model.state_dict()["0.weight"]))
        self.assertEqual(read_log(self.path)[-1]["type"], "end")

    def test_a_watched_model_can_be_copied_and_saved(self) -> None:
        model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        x = torch.randn(4, 2)
        with Probe(self.path) as probe:
            loss_fn = probe.watch(model, optimizer, nn.MSELoss())
            train(model, optimizer, loss_fn, [(x, torch.randn(4, 1))], probe)
            best = copy.deepcopy(model)  # early stopping keeps the best model this way
            buffer = io.BytesIO()
            torch.save(model, buffer)
            buffer.seek(0)
            loaded = torch.load(buffer)
            with torch.no_grad():
                self.assertTrue(torch.equal(best(x), model(x)))
                self.assertTrue(torch.equal(loaded(x), model(x)))
            optimizer_copy = copy.deepcopy(optimizer)
            before = model[0].weight.detach().clone()
            best(x).sum().backward()
            optimizer_copy.step()  # steps the copy's own parameters, not the watched model's
            self.assertTrue(torch.equal(model[0].weight, before))
        steps = len(of_type(read_log(self.path), "step"))
        self.assertEqual(steps, 1)  # the copies' forward passes and losses are not the watched run's

    def test_lr_schedulers_keep_working(self) -> None:
        for created in ("before", "after"):
            with self.subTest(created):
                model = nn.Sequential(nn.Linear(2, 1))
                optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
                probe = Probe(self.path, min_probe_spacing=1)
                scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5) \
                    if created == "before" else None
                loss_fn = probe.watch(model, optimizer, nn.MSELoss())
                if scheduler is None:
                    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    for _ in range(3):
                        train(model, optimizer, loss_fn, [(torch.randn(3, 2), torch.randn(3, 1))] * 2, probe)
                        scheduler.step()
                probe.close()
                self.assertEqual([str(w.message) for w in caught if "lr_scheduler" in str(w.message)], [])
                steps = of_type(read_log(self.path), "step")
                self.assertEqual([s["learning_rate"] for s in steps], [1.0, 1.0, 0.5, 0.5, 0.25, 0.25])
                # 2-step epochs and 4 probes per epoch: every step is probed
                self.assertEqual([p["step"] for p in of_type(read_log(self.path), "probe")], list(range(6)))


if __name__ == "__main__":
    unittest.main()
