"""What the run record says about the network: activations (module or functional), names of losses
and optimizers."""
from __future__ import annotations

import unittest
from typing import Any, Dict, List, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from helpers import Probe, TempDir, of_type, read_log, train
from triage_probe._model import infer_functional, loss_name, optimizer_facts


class Swish(nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return x * torch.sigmoid(x)


class Functional(nn.Module):
    """Activations and dropout applied in forward: no module for a hook to see."""

    def __init__(self) -> None:
        super().__init__()
        self.a = nn.Linear(4, 16)
        self.b = nn.Linear(16, 8)
        self.c = nn.Linear(8, 3)

    def forward(self, x: Tensor) -> Tensor:
        h = F.dropout(F.relu(self.a(x)), p=0.25, training=self.training)
        h = torch.tanh(self.b(h))
        return F.log_softmax(self.c(h), dim=1)


def layers_of(model: nn.Module, x: Tensor, y: Tensor, loss: Any = None) -> List[Dict[str, Any]]:
    tmp = TempDir()
    try:
        path = tmp.path()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        with Probe(path, task="classification") as probe:
            loss_fn = probe.watch(model, optimizer, loss or nn.CrossEntropyLoss())
            train(model, optimizer, loss_fn, [(x, y)], probe)
        records = read_log(path)
        assert of_type(records, "probe"), "a probe record"
        return records[0]["layers"]
    finally:
        tmp.cleanup()


class ActivationTest(unittest.TestCase):
    def setUp(self) -> None:
        torch.manual_seed(0)
        self.x = torch.randn(16, 4)
        self.y = torch.randint(0, 3, (16,))

    def test_activation_modules_map_to_telemetry_names(self) -> None:
        cases = [(nn.ReLU(), "relu"), (nn.LeakyReLU(0.1), "leaky_relu"), (nn.ELU(), "elu"), (nn.GELU(), "gelu"),
                 (nn.Tanh(), "tanh"), (nn.Sigmoid(), "sigmoid"), (nn.Softplus(), "softplus"),
                 (nn.Softmax(dim=1), "softmax"), (nn.LogSoftmax(dim=1), "log_softmax"), (nn.Mish(), "mish"),
                 (nn.SiLU(), "silu"), (nn.SELU(), "selu"), (Swish(), "swish")]
        for module, name in cases:
            with self.subTest(name):
                model = nn.Sequential(nn.Linear(4, 6), module, nn.Linear(6, 3))
                layers = layers_of(model, self.x, self.y)
                self.assertEqual([(l["activation"], l["activation_assumed"]) for l in layers],
                                 [(name, False), ("identity", False)])

    def test_output_activation_module(self) -> None:
        model = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 3), nn.LogSoftmax(dim=1))
        layers = layers_of(model, self.x, self.y, nn.NLLLoss())
        self.assertEqual([l["activation"] for l in layers], ["relu", "log_softmax"])

    def test_functional_activations_are_inferred_and_marked_assumed(self) -> None:
        layers = layers_of(Functional(), self.x, self.y, nn.NLLLoss())
        self.assertEqual([(l["name"], l["activation"], l["activation_assumed"]) for l in layers],
                         [("a", "relu", True), ("b", "tanh", True), ("c", "log_softmax", True)])
        self.assertEqual([l["dropout"] for l in layers], [0.25, 0.0, 0.0])

    def test_identity_is_measured_not_assumed(self) -> None:
        class Squeezed(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.hidden = nn.Linear(4, 5)
                self.out = nn.Linear(5, 1)

            def forward(self, x: Tensor) -> Tensor:
                return self.out(self.hidden(x)).squeeze(1)  # no activation anywhere

        layers = layers_of(Squeezed(), self.x, torch.randn(16), nn.MSELoss())
        self.assertEqual([(l["activation"], l["activation_assumed"]) for l in layers],
                         [("identity", False), ("identity", False)])

    def test_inference_from_tensors(self) -> None:
        z = torch.randn(64, 8)
        self.assertEqual(infer_functional(z, F.relu(z)), ("relu", 0.0))
        self.assertEqual(infer_functional(z, F.leaky_relu(z, 0.01)), ("leaky_relu", 0.0))
        self.assertEqual(infer_functional(z, torch.sigmoid(z)), ("sigmoid", 0.0))
        self.assertEqual(infer_functional(z, F.gelu(z)), ("gelu", 0.0))
        self.assertEqual(infer_functional(z, F.softmax(z, dim=-1)), ("softmax", 0.0))
        torch.manual_seed(1)
        self.assertEqual(infer_functional(z, F.dropout(torch.tanh(z), p=0.2, training=True)), ("tanh", 0.2))
        # Nothing matches: a ReLU-like output (many exact zeros, no negatives) still reads as relu.
        self.assertEqual(infer_functional(z, F.relu(z) * torch.rand(64, 8)), ("relu", 0.0))
        self.assertEqual(infer_functional(z, torch.sin(z) * 5), ("unknown", 0.0))


class NamesTest(unittest.TestCase):
    def test_loss_names(self) -> None:
        self.assertEqual(loss_name(nn.MSELoss()), "MSELoss")
        self.assertEqual(loss_name(nn.BCEWithLogitsLoss()), "BCEWithLogitsLoss")
        self.assertEqual(loss_name(F.smooth_l1_loss), "smooth_l1_loss")
        self.assertEqual(loss_name(lambda p, t: (p - t).abs().mean()), "<lambda>")

    def test_optimizer_names_and_settings(self) -> None:
        params = [nn.Parameter(torch.zeros(2))]
        cases: List[Tuple[torch.optim.Optimizer, Dict[str, Any]]] = [
            (torch.optim.SGD(params, lr=0.1), {"name": "sgd", "learning_rate": 0.1, "momentum": 0.0, "weight_decay": 0.0}),
            (torch.optim.SGD(params, lr=0.1, momentum=0.9), {"name": "momentum", "learning_rate": 0.1, "momentum": 0.9,
                                                              "weight_decay": 0.0}),
            (torch.optim.SGD(params, lr=0.1, momentum=0.9, nesterov=True), {"name": "nesterov"}),
            (torch.optim.Adam(params, lr=1e-3), {"name": "adam", "learning_rate": 1e-3, "x_betas": [0.9, 0.999]}),
            (torch.optim.AdamW(params, lr=1e-3, weight_decay=0.05), {"name": "adamw", "weight_decay": 0.05}),
            (torch.optim.RMSprop(params, lr=0.01, momentum=0.5), {"name": "rmsprop", "momentum": 0.5}),
            (torch.optim.Adagrad(params, lr=0.01), {"name": "adagrad"}),
            (torch.optim.LBFGS(params), {"name": "lbfgs", "learning_rate": 1.0}),
            (torch.optim.Adamax(params), {"name": "adamax"}),
        ]
        for optimizer, expected in cases:
            with self.subTest(type(optimizer).__name__):
                facts = optimizer_facts(optimizer)
                for key, value in expected.items():
                    self.assertEqual(facts[key], value, key)


if __name__ == "__main__":
    unittest.main()
