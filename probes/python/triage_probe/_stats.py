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
    """One layer's probe statistics as partial sums, left as 0-d tensors: moments (sum and L2 norm)
    and counts. A probe step reads every layer's sums together and then finishes them into the record's
    numbers. On small networks a probe step costs what its tensor operations cost, one dispatch each,
    so there are few: seven for a ReLU layer, four for an output layer."""

    def __init__(self, pre: Optional[Tensor], act: Optional[Tensor], activation: str, exact: bool = False) -> None:
        self.moments: List[Tensor] = []  # act sum, act norm [, pre sum, pre norm]
        self.exact = exact
        self.counts: List[Tensor] = []  # act non-zeros [, live units] [, saturated outputs]
        self.n = self.units = self.pre_n = 0
        self.same = pre is not None and pre is act  # no activation: the pre-activation is the output
        self.dead = self.saturated = False
        self._tensors = (act, pre)  # kept for the float64 rerun when a float32 sum overflows
        if act is not None and act.numel() > 0:
            self.n = act.numel()
            self.moments += self._moments(act)
            self.counts.append(torch.count_nonzero(act))
            if activation in RELU_FAMILY:
                units = act if act.dim() == 2 else rows_by_unit(act)
                self.units = units.shape[1]
                self.dead = True
                if activation in NON_NEGATIVE:  # outputs >= 0: a unit is alive when its outputs sum above 0
                    self.counts.append(torch.count_nonzero(units.sum(dim=0)))
                else:  # a unit is alive when its largest output is above 0
                    self.counts.append(torch.count_nonzero(units.amax(dim=0) > 0))
            if activation in ("tanh", "hardtanh"):
                self.saturated = True
                self.counts.append(torch.count_nonzero(act.abs() > 0.99))
            elif activation in ("sigmoid", "hardsigmoid"):
                self.saturated = True
                self.counts.append(torch.count_nonzero((act - 0.5).abs() > 0.49))
        if pre is not None and not self.same and pre.numel() > 0:
            self.pre_n = pre.numel()
            self.moments += self._moments(pre)

    def _moments(self, t: Tensor) -> List[Tensor]:
        """Sum and L2 norm. In the tensor's own precision (float32: the spread comes out right to about
        1e-3 of the mean, plenty for hidden layers), or in float64 when ``exact`` (the output layer,
        whose spread tells whether the network predicts a constant)."""
        if self.exact or not t.is_floating_point():
            t = t.double()
        return [t.sum(), torch.linalg.vector_norm(t)]

    def finish(self, moments: List[float], counts: List[int]) -> Dict[str, Optional[float]]:
        """The record's entries from this layer's slices of the values read."""
        if not self.exact and not all(math.isfinite(m) for m in moments):
            # float32 squares overflow past 1.8e19: tell a large finite tensor from a non-finite one
            self.exact = True
            act, pre = self._tensors
            with torch.no_grad():
                redo = (self._moments(act) if act is not None and self.n else []) + \
                    (self._moments(pre) if pre is not None and self.pre_n else [])
            moments = [t.item() for t in redo]
        out: Dict[str, Optional[float]] = dict.fromkeys(ACTIVATION_KEYS)
        if self.n:
            out["act_mean"], out["act_std"] = _mean_std(moments[0], moments[1], self.n)
            out["zero_fraction"] = (self.n - counts[0]) / self.n
            if self.dead:
                out["dead_fraction"] = (self.units - counts[1]) / self.units
            if self.saturated:
                out["saturated_fraction"] = counts[-1] / self.n
        if self.same:
            out["pre_act_std"] = out["act_std"]
        elif self.pre_n:
            out["pre_act_std"] = _mean_std(moments[-2], moments[-1], self.pre_n)[1]
        return out


def finish_all(sums: List[LayerSums], extra: Optional[List[Tensor]] = None) -> Tuple[List[Dict[str, Optional[float]]], List[float]]:
    """Reads every layer's sums (and ``extra`` 0-d float64 tensors) at once and finishes them."""
    moments = read_all([t for s in sums for t in s.moments] + (extra or []))
    counts = read_all([t for s in sums for t in s.counts])
    out = []
    m = c = 0
    for s in sums:
        out.append(s.finish(moments[m:m + len(s.moments)], counts[c:c + len(s.counts)]))
        m, c = m + len(s.moments), c + len(s.counts)
    return out, moments[m:]


def _mean_std(total: float, norm: float, n: int) -> Tuple[float, float]:
    """Mean and population spread from the sum and the L2 norm: E[x^2] - E[x]^2 (in float64 sums it
    keeps about ten digits, enough for a spread 1e-5 of the mean)."""
    mean = total / n
    if not math.isfinite(norm):  # an infinity (or NaN) in the tensor: the spread is that too
        return mean, norm
    return mean, math.sqrt(max(norm * norm / n - mean * mean, 0.0))


def norms(tensors: List[Tensor]) -> List[float]:
    """L2 norms, computed in the tensors' precision and again in float64 where that overflowed (float32
    squares pass 3.4e38 once values pass 1.8e19), so only a truly non-finite tensor has a non-finite norm."""
    values = read_all([torch.linalg.vector_norm(t) for t in tensors])
    for i, v in enumerate(values):
        if not math.isfinite(v):
            values[i] = torch.linalg.vector_norm(tensors[i], dtype=torch.float64).item()
    return values


def read_all(tensors: List[Tensor]) -> List[Any]:
    """Values of 0-d tensors: one by one on the CPU (cheapest there), in one transfer from a GPU."""
    if not tensors:
        return []
    if tensors[0].device.type != "cpu":
        try:
            return torch.stack([t.double() for t in tensors]).tolist()
        except RuntimeError:  # tensors on several devices (a model split across GPUs)
            pass
    return [t.item() for t in tensors]


def activation_stats(pre: Optional[Tensor], act: Optional[Tensor], activation: str,
                     exact: bool = False) -> Dict[str, Optional[float]]:
    """One layer's entries of a ``probe`` record. ``dead_fraction`` (ReLU family only) counts units
    (last dimension) that are <= 0 for every row of the batch; ``saturated_fraction`` (tanh, sigmoid)
    counts outputs within 1% of the limits: |a| > 0.99 for tanh, a < 0.01 or a > 0.99 for sigmoid."""
    with torch.no_grad():
        return finish_all([LayerSums(pre, act, activation, exact)])[0][0]


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
