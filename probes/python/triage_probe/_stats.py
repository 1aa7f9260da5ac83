"""Statistics of tensors, as telemetry v1 defines them. Spreads are population standard deviations
(divided by n, as Triage computes them) in float64, so tiny batches and large values stay exact."""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Tuple

import torch
from torch import Tensor

# Units of these can be "dead" (output <= 0 for every example); Triage's ReLU family plus its aliases.
RELU_FAMILY = frozenset({"relu", "relu6", "leaky_relu", "prelu", "rrelu", "elu", "selu", "celu", "gelu"})
NON_NEGATIVE = frozenset({"relu", "relu6"})
# Outputs of these have flat tails at -1/0 and 1.
SATURATING = frozenset({"tanh", "sigmoid", "hardtanh", "hardsigmoid"})


def pop_std(t: Tensor, dim: Optional[int] = None) -> Tensor:
    t = t.double()
    if dim is None:
        return ((t - t.mean()) ** 2).mean().sqrt()
    return ((t - t.mean(dim=dim, keepdim=True)) ** 2).mean(dim=dim).sqrt()


def rows(t: Tensor) -> Tensor:
    """A 2-D [rows, columns] view: a vector is one column, a scalar one cell."""
    t = t.detach()
    if t.dim() == 0:
        return t.reshape(1, 1)
    if t.dim() == 1:
        return t.reshape(-1, 1)
    return t.reshape(t.shape[0], -1)


def column_std(t: Tensor) -> Tensor:
    """Spread over the rows of each column, averaged over the columns (Triage's ``prediction_std``),
    as a 0-d float64 tensor."""
    r = rows(t)
    if r.shape[0] == 0:
        return torch.tensor(math.nan, dtype=torch.float64)
    if not r.is_floating_point():
        r = r.double()
    try:
        std = torch.std_mean(r, dim=0, correction=0)[0]
    except TypeError:  # torch < 1.13
        std = pop_std(r, dim=0)
    return std.mean().double()


def column_std_mean(t: Tensor) -> float:
    return float(column_std(t))


def input_stats(x: Tensor, max_features: int = 10_000) -> Optional[Dict[str, Any]]:
    """Per-feature statistics of the inputs the network received. Mean, std, min and max are over the
    finite values only (the non-finite ones are counted), null for a feature with none."""
    r = rows(x)
    if r.shape[1] > max_features or r.shape[0] == 0:
        return None
    r = r.double()
    finite = torch.isfinite(r)
    count = finite.sum(dim=0)
    safe = torch.where(finite, r, torch.zeros_like(r))
    mean = safe.sum(dim=0) / count.clamp(min=1)
    var = (torch.where(finite, r - mean, torch.zeros_like(r)) ** 2).sum(dim=0) / count.clamp(min=1)
    lo = torch.where(finite, r, torch.full_like(r, math.inf)).min(dim=0).values
    hi = torch.where(finite, r, torch.full_like(r, -math.inf)).max(dim=0).values
    has = (count > 0).tolist()

    def masked(v: Tensor) -> List[Optional[float]]:
        return [float(a) if ok else None for a, ok in zip(v.tolist(), has)]

    return {"rows": int(r.shape[0]), "mean": masked(mean), "std": masked(var.sqrt()), "min": masked(lo),
            "max": masked(hi), "nonfinite": (r.shape[0] - count).tolist()}


def target_stats(target: Tensor) -> Optional[Dict[str, Any]]:
    """Statistics of a regression target as the loss received it (all values together, finite ones
    only): what a bounded output (sigmoid, tanh) is asked to reach."""
    t = target.detach().double().reshape(-1)
    finite = t[torch.isfinite(t)]
    if finite.numel() == 0:
        return None
    rows = int(target.shape[0]) if target.dim() > 0 else 1
    return {"rows": rows, "mean": float(finite.mean()), "std": float(pop_std(finite)),
            "min": float(finite.min()), "max": float(finite.max())}


def std_mean(t: Tensor) -> Tuple[Tensor, Tensor]:
    """Population standard deviation and mean in one pass (Welford, accumulated in double on CPU)."""
    try:
        return torch.std_mean(t, dim=None, correction=0)  # torch >= 1.13 and 2.x spelling
    except TypeError:
        return pop_std(t), t.double().mean()


ACTIVATION_KEYS = ("act_mean", "act_std", "pre_act_std", "zero_fraction", "dead_fraction", "saturated_fraction")


class LayerSums:
    """One layer's probe statistics as partial sums: moments as 0-d float64 tensors, counts as 0-d
    int64 tensors. A probe step reads every layer's sums in two conversions and then finishes them
    into the record's numbers: reading each value on its own would cost as much again."""

    def __init__(self, pre: Optional[Tensor], act: Optional[Tensor], activation: str) -> None:
        self.activation = activation
        self.moments: List[Tensor] = []
        self.counts: List[Tensor] = []
        self._slots: Dict[str, Tuple[bool, int]] = {}
        self.n = self.units = self.pre_n = 0
        self.same = pre is not None and pre is act  # no activation: the pre-activation is the output
        with torch.no_grad():
            if act is not None and act.numel() > 0:
                a = act.detach()
                self.n = a.numel()
                self._moments("act", a)
                self._count("nonzero", torch.count_nonzero(a))
                if activation in NON_NEGATIVE:  # outputs >= 0: a unit is dead when its outputs sum to 0
                    column = rows_by_unit(a).sum(dim=0)
                    self.units = column.numel()
                    self._count("alive", torch.count_nonzero(column))
                elif activation in RELU_FAMILY:  # a unit is dead when even its largest output is <= 0
                    peak = rows_by_unit(a).amax(dim=0)
                    self.units = peak.numel()
                    self._count("alive", torch.count_nonzero(peak > 0))
                if activation in ("tanh", "hardtanh"):
                    self._count("saturated", torch.count_nonzero(a.abs() > 0.99))
                elif activation in ("sigmoid", "hardsigmoid"):
                    self._count("saturated", torch.count_nonzero((a - 0.5).abs() > 0.49))
            if pre is not None and not self.same and pre.numel() > 0:
                self.pre_n = pre.numel()
                self._moments("pre", pre.detach())

    def _moments(self, key: str, t: Tensor) -> None:
        # Sums in float64: the variance E[x^2] - E[x]^2 stays exact enough even for a spread 1e-5 of the mean.
        d = t.double().reshape(-1)
        self._slots[key + "_sum"] = (False, len(self.moments))
        self._slots[key + "_sq"] = (False, len(self.moments) + 1)
        self.moments += [d.sum(), torch.dot(d, d)]

    def _count(self, key: str, t: Tensor) -> None:
        self._slots[key] = (True, len(self.counts))
        self.counts.append(t)

    def finish(self, moments: List[float], counts: List[int]) -> Dict[str, Optional[float]]:
        """The record's entries from this layer's slices of the values read."""
        v: Dict[str, float] = {k: counts[i] if is_count else moments[i] for k, (is_count, i) in self._slots.items()}
        out: Dict[str, Optional[float]] = dict.fromkeys(ACTIVATION_KEYS)
        if self.n:
            out["act_mean"], out["act_std"] = _mean_std(v["act_sum"], v["act_sq"], self.n)
            out["zero_fraction"] = (self.n - v["nonzero"]) / self.n
            if "alive" in v:
                out["dead_fraction"] = (self.units - v["alive"]) / self.units
            if "saturated" in v:
                out["saturated_fraction"] = v["saturated"] / self.n
        if self.same:
            out["pre_act_std"] = out["act_std"]
        elif self.pre_n:
            out["pre_act_std"] = _mean_std(v["pre_sum"], v["pre_sq"], self.pre_n)[1]
        return out


def finish_all(sums: List[LayerSums], extra: Optional[List[Tensor]] = None) -> Tuple[List[Dict[str, Optional[float]]], List[float]]:
    """Reads every layer's sums (and ``extra`` 0-d float64 tensors) at once and finishes them."""
    moments = read_all([t for s in sums for t in s.moments] + (extra or []))
    counts = read_all([t for s in sums for t in s.counts])
    out = []
    m = c = 0
    for s in sums:
        out.append(s.finish(moments[m:m + len(s.moments)], counts[c:c + len(s.counts)]))  # type: ignore[arg-type]
        m, c = m + len(s.moments), c + len(s.counts)
    return out, moments[m:]


def _mean_std(total: float, squares: float, n: int) -> Tuple[float, float]:
    mean = total / n
    if not math.isfinite(squares):  # an infinity (or NaN) in the tensor: the spread is that too
        return mean, squares
    return mean, math.sqrt(max(squares / n - mean * mean, 0.0))


def read_all(tensors: List[Tensor]) -> List[Any]:
    """Values of 0-d tensors in one conversion (one device sync on a GPU)."""
    if not tensors:
        return []
    try:
        return torch.stack(tensors).tolist()
    except RuntimeError:  # tensors of several dtypes or devices (a model split across GPUs)
        return [t.item() for t in tensors]


def activation_stats(pre: Optional[Tensor], act: Optional[Tensor], activation: str) -> Dict[str, Optional[float]]:
    """One layer's entries of a ``probe`` record. ``dead_fraction`` (ReLU family only) counts units
    (last dimension) that are <= 0 for every row of the batch; ``saturated_fraction`` (tanh, sigmoid)
    counts outputs within 1% of the limits: |a| > 0.99 for tanh, a < 0.01 or a > 0.99 for sigmoid."""
    return finish_all([LayerSums(pre, act, activation)])[0][0]


def rows_by_unit(a: Tensor) -> Tensor:
    """[examples, units]: a layer's units are its last dimension."""
    if a.dim() <= 1:
        return a.reshape(-1, 1)
    return a.reshape(-1, a.shape[-1])


def class_probabilities(pred: Tensor, loss: str) -> Tensor:
    """[rows, classes] probabilities from a classifier's outputs ([rows, 1] for a single-output binary
    classifier): logits for CrossEntropyLoss / BCEWithLogitsLoss, log-probabilities for NLLLoss,
    probabilities for BCELoss; for other losses, whatever the values look like."""
    p = rows(pred).double()
    key = loss.lower().replace("_", "")
    if p.shape[1] == 1:
        looks_like_probability = p.numel() > 0 and float(p.min()) >= 0 and float(p.max()) <= 1
        if "logits" in key or not looks_like_probability:
            return torch.sigmoid(p)
        return p
    if key in ("nllloss", "nll"):
        return p.exp()
    if key in ("crossentropyloss", "crossentropy"):
        return torch.softmax(p, dim=1)
    sums = p.sum(dim=1)
    if float(p.min()) >= 0 and bool(torch.allclose(sums, torch.ones_like(sums), atol=1e-3)):
        return p
    exp_sums = p.exp().sum(dim=1)
    if float(p.max()) <= 0 and bool(torch.allclose(exp_sums, torch.ones_like(exp_sums), atol=1e-3)):
        return p.exp()
    return torch.softmax(p, dim=1)


def class_indicators(target: Tensor, classes: int) -> Tensor:
    """[rows, classes] one-hot rows (or [rows, 1] 0/1 for a single-output binary classifier) from class
    indices, one-hot rows or class probabilities."""
    t = target.detach()
    if t.dim() == 2 and t.shape[1] == classes and classes > 1:
        return t.double()
    flat = t.reshape(-1)
    if classes == 1:
        return (flat.double() > 0.5).double().reshape(-1, 1)
    return torch.nn.functional.one_hot(flat.long(), classes).double()


def validation_summary(task: str, loss: str, pred: Tensor, target: Tensor) -> Dict[str, Any]:
    """The metric and spreads of an ``epoch`` record, and the final error of an ``end`` record.

    Predictions and targets are compared element by element after flattening (what the user means,
    whatever shapes the loss saw). Regression: rmse and mse in the targets' units, spreads of the
    outputs and targets. Classification: accuracy and log loss from the class probabilities; the
    spreads are those of the probabilities and of the one-hot targets, averaged over the classes.
    """
    with torch.no_grad():
        if task == "regression":
            p, t = pred.detach().double().reshape(-1), target.detach().double().reshape(-1)
            out: Dict[str, Any] = {"metric": "rmse", "prediction_std": column_std_mean(pred),
                                   "target_std": column_std_mean(target)}
            if p.numel() == t.numel() and p.numel() > 0:
                mse = float(((p - t) ** 2).mean())
                out.update({"validation_metric": math.sqrt(mse), "mse": mse})
            return out
        prob = class_probabilities(pred, loss)
        ind = class_indicators(target, prob.shape[1])
        out = {"metric": "accuracy", "prediction_std": column_std_mean(prob), "target_std": column_std_mean(ind)}
        if ind.shape != prob.shape:
            return out
        eps = 1e-15
        if prob.shape[1] == 1:
            hit = (prob > 0.5) == (ind > 0.5)
            q = prob.clamp(eps, 1 - eps)
            log_loss = -(ind * q.log() + (1 - ind) * (1 - q).log()).mean()
        else:
            hit = prob.argmax(dim=1) == ind.argmax(dim=1)
            log_loss = -(ind * prob.clamp(min=eps).log()).sum(dim=1).mean()
        out.update({"validation_metric": float(hit.double().mean()), "log_loss": float(log_loss)})
        return out
