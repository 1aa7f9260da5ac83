"""Shared pieces of the tests: reading a run log strictly, and tiny training loops."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import torch
from torch import Tensor, nn

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from triage_probe import Probe  # noqa: E402


def _no_bare_constants(token: str) -> Any:
    raise AssertionError(f"bare {token} in the log: telemetry v1 writes it as a string")


def read_log(path: str) -> List[Dict[str, Any]]:
    """Every record of a log; fails on a bare NaN/Infinity token or an incomplete line."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert text.endswith("\n"), "the last line is not complete"
    return [json.loads(line, parse_constant=_no_bare_constants) for line in text.splitlines()]


Batch = Tuple[Tensor, Tensor]


def types(records: List[Dict[str, Any]]) -> List[str]:
    return [r["type"] for r in records]


def of_type(records: List[Dict[str, Any]], kind: str) -> List[Dict[str, Any]]:
    return [r for r in records if r["type"] == kind]


class TempDir:
    """A temporary folder for logs, removed at the end of the test."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory()

    def path(self, name: str = "run.jsonl") -> str:
        return os.path.join(self._dir.name, name)

    def cleanup(self) -> None:
        self._dir.cleanup()


def train(model: nn.Module, optimizer: torch.optim.Optimizer, loss_fn: Callable[..., Tensor],
          batches: Sequence[Tuple[Tensor, Tensor]], probe: Probe, epochs: int = 1,
          validation: Optional[Tuple[Tensor, Tensor]] = None) -> None:
    """The loop of the API example: zero_grad, loss, backward, step; epoch() after each epoch."""
    for _ in range(epochs):
        model.train()
        for xb, yb in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        if validation is not None:
            model.eval()
            with torch.no_grad():
                pred = model(validation[0])
            probe.epoch(val_predictions=pred, val_targets=validation[1])
        else:
            probe.epoch()
