"""What the network is: its dense layers in forward order, the activation after each, and the names
telemetry v1 uses for PyTorch's activations, losses and optimizers."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn.modules.batchnorm import _BatchNorm, _NormBase
from torch.nn.modules.dropout import _DropoutNd

from ._stats import pop_std

# Activation modules whose telemetry name is not simply the lower-cased class name.
_ACTIVATION_NAMES: Dict[str, str] = {
    "ReLU": "relu", "LeakyReLU": "leaky_relu", "ELU": "elu", "GELU": "gelu", "Tanh": "tanh",
    "Sigmoid": "sigmoid", "Softplus": "softplus", "Softmax": "softmax", "LogSoftmax": "log_softmax",
}
_NORMS = (_NormBase, nn.LayerNorm, nn.GroupNorm)
_NEUTRAL = (nn.Identity, nn.Flatten, nn.Unflatten)

# Losses that compare prediction and target element by element and broadcast their shapes. BCELoss
# is not here: on torch >= 1.13 it raises on a shape mismatch instead of broadcasting.
BROADCASTING_LOSS_MODULES = (nn.MSELoss, nn.L1Loss, nn.SmoothL1Loss, nn.HuberLoss)
BROADCASTING_LOSS_FUNCTIONS = (F.mse_loss, F.l1_loss, F.smooth_l1_loss, F.huber_loss)


def activation_name(module: nn.Module) -> str:
    cls = type(module).__name__
    return _ACTIVATION_NAMES.get(cls, cls.lower())


def loss_name(loss: Any) -> str:
    if isinstance(loss, nn.Module):
        return type(loss).__name__
    return str(getattr(loss, "__name__", type(loss).__name__))


def is_broadcasting_loss(loss: Any) -> bool:
    if isinstance(loss, BROADCASTING_LOSS_MODULES):
        return True
    return any(loss is f for f in BROADCASTING_LOSS_FUNCTIONS)


def optimizer_facts(optimizer: Optional[torch.optim.Optimizer]) -> Dict[str, Any]:
    if optimizer is None:
        return {}
    group = optimizer.param_groups[0]
    cls = type(optimizer).__name__
    momentum = group.get("momentum")
    if isinstance(optimizer, torch.optim.SGD):
        name = "nesterov" if group.get("nesterov") else "momentum" if momentum else "sgd"
    else:
        name = {"RMSprop": "rmsprop", "LBFGS": "lbfgs"}.get(cls, cls.lower())
    facts: Dict[str, Any] = {"name": name, "learning_rate": as_float(group.get("lr"))}
    if momentum is not None:
        facts["momentum"] = as_float(momentum)
    if "weight_decay" in group:
        facts["weight_decay"] = as_float(group["weight_decay"])
    if "betas" in group:
        facts["x_betas"] = [as_float(b) for b in group["betas"]]
    return facts


def as_float(value: Any) -> Optional[float]:
    if value is None:
        return None
    return float(value.item()) if isinstance(value, Tensor) else float(value)


@dataclass
class Call:
    """One leaf module call seen by a capture hook. ``input``/``output`` are the very tensors (so
    identity tells whether anything happened between two calls); ``snapshot`` is a copy of a
    pre-activation taken before an in-place activation could overwrite it."""
    module: nn.Module
    input: Optional[Tensor]
    output: Optional[Tensor]
    snapshot: Optional[Tensor]

    def values(self) -> Optional[Tensor]:
        return self.snapshot if self.snapshot is not None else self.output


# Where a tensor of a captured forward comes from: (call index, "in" | "out"), or (-1, "model").
Source = Tuple[int, str]


@dataclass
class Layer:
    index: int
    name: str
    module: nn.Linear
    call_at: int = -1                   # the Linear's own call in the captured forward
    pre_at: Optional[Source] = None     # the pre-activation (the Linear's or a following norm's output)
    act_at: Optional[Source] = None     # the activation output
    activation: str = "unknown"
    assumed: bool = False
    dropout: float = 0.0
    batch_norm: bool = False

    def record(self) -> Dict[str, Any]:
        m = self.module
        params = sum(p.numel() for p in m.parameters(recurse=False))
        out: Dict[str, Any] = {
            "index": self.index, "name": self.name, "kind": "linear", "in": m.in_features,
            "units": m.out_features, "activation": self.activation, "activation_assumed": self.assumed,
            "parameters": params, "dropout": self.dropout, "batch_norm": self.batch_norm,
        }
        out.update(init_facts(m.weight))
        return out


def init_facts(weight: Tensor) -> Dict[str, Any]:
    """What can be told about the initializer from the weights as they are when the run starts.

    Only sure facts are named: a constant layer (symmetric init) and PyTorch's own default
    (kaiming_uniform with a=sqrt(5), i.e. uniform within +-1/sqrt(fan_in)); anything else is left to
    the measured spread in ``x_weight_std``.
    """
    w = weight.detach().double().reshape(-1)
    if w.numel() == 0:
        return {}
    std = float(pop_std(w))
    facts: Dict[str, Any] = {"x_weight_std": std}
    first = float(w[0])
    if bool((w == first).all()):
        facts.update({"init": "zeros" if first == 0 else "constant", "init_scale": first})
        return facts
    fan_in = weight.shape[1] if weight.dim() > 1 else 1
    bound = 1.0 / math.sqrt(fan_in)
    if float(w.abs().max()) <= bound * (1 + 1e-6) and abs(std - bound / math.sqrt(3)) < 0.25 * bound / math.sqrt(3):
        facts["init"] = "pytorch_default"
    return facts


def describe(model: nn.Module, calls: Sequence[Call], model_output: Any) -> Tuple[List[Layer], List[str]]:
    """The Linear layers in the order the captured forward called them, each with what followed it.

    Returns the layers and the names of Linear modules the forward never called (left out).
    """
    names: Dict[int, str] = {}
    for name, m in model.named_modules():
        names.setdefault(id(m), name)
    first_call: Dict[int, int] = {}
    for i, c in enumerate(calls):
        if isinstance(c.module, nn.Linear):
            first_call.setdefault(id(c.module), i)
    order = sorted(first_call.values())
    layers = [Layer(k, names.get(id(calls[i].module), ""), calls[i].module, call_at=i)  # type: ignore[arg-type]
              for k, i in enumerate(order)]
    for k, layer in enumerate(layers):
        end = order[k + 1] if k + 1 < len(order) else len(calls)
        _follow(layer, calls, end, model_output)
    uncalled = [n for n, m in model.named_modules() if isinstance(m, nn.Linear) and id(m) not in first_call]
    if not calls:  # no forward seen: fall back on registration order, activations unknown
        linears = [(n, m) for n, m in model.named_modules() if isinstance(m, nn.Linear)]
        layers = [Layer(k, n, m) for k, (n, m) in enumerate(linears)]  # type: ignore[arg-type]
        uncalled = []
    return layers, uncalled


def _follow(layer: Layer, calls: Sequence[Call], end: int, model_output: Any) -> None:
    """Reads the calls between this Linear and the next one: norms, dropout, the activation module.

    ``current`` is the tensor the activation would receive; a later call whose input is a different
    tensor means something ran in between that no hook saw: a functional activation.
    """
    start = layer.call_at
    current = calls[start].output
    layer.pre_at = (start, "out")
    post: Optional[Source] = None
    for j in range(start + 1, end):
        c = calls[j]
        if isinstance(c.module, _BatchNorm):
            layer.batch_norm = True
        if isinstance(c.module, _DropoutNd) and layer.dropout == 0:
            layer.dropout = float(c.module.p)
        if layer.act_at is not None or post is not None:
            continue
        if c.input is not current:
            post = (j, "in")
        elif isinstance(c.module, _NORMS):
            current, layer.pre_at = c.output, (j, "out")
        elif isinstance(c.module, (_DropoutNd,) + _NEUTRAL + (nn.Linear,)):
            current = c.output
        else:
            layer.activation, layer.act_at = activation_name(c.module), (j, "out")
    if layer.act_at is not None:
        return
    if post is None:
        post = (end, "in") if end < len(calls) else (-1, "model")
    post_tensor = tensor_at(calls, post, model_output)
    pre_tensor = tensor_at(calls, layer.pre_at, model_output)
    if post_tensor is None or pre_tensor is None:
        layer.activation = "unknown"
        return
    layer.act_at = post
    name, dropout = infer_functional(pre_tensor, post_tensor)
    layer.activation = name
    layer.assumed = name != "identity"
    if dropout > 0 and layer.dropout == 0:
        layer.dropout = dropout


def tensor_at(calls: Sequence[Call], source: Optional[Source], model_output: Any) -> Optional[Tensor]:
    if source is None:
        return None
    index, kind = source
    if kind == "model":
        return model_output if isinstance(model_output, Tensor) else None
    if index >= len(calls):
        return None
    c = calls[index]
    return c.input if kind == "in" else c.values()


def _functional_candidates() -> List[Tuple[str, Callable[[Tensor], Tensor]]]:
    def gelu_tanh(t: Tensor) -> Tensor:
        return F.gelu(t, approximate="tanh")  # torch >= 1.12

    return [
        ("relu", F.relu), ("leaky_relu", F.leaky_relu), ("elu", F.elu), ("gelu", F.gelu), ("gelu", gelu_tanh),
        ("tanh", torch.tanh), ("sigmoid", torch.sigmoid), ("softplus", F.softplus), ("silu", F.silu),
        ("mish", F.mish), ("selu", F.selu), ("relu6", F.relu6), ("hardtanh", F.hardtanh),
        ("softsign", F.softsign), ("softmax", lambda t: F.softmax(t, dim=-1)),
        ("log_softmax", lambda t: F.log_softmax(t, dim=-1)),
    ]


def infer_functional(pre: Tensor, post: Tensor) -> Tuple[str, float]:
    """Names the function that turned ``pre`` into ``post`` (a functional call no hook saw), with the
    drop probability when ``F.dropout`` ran after it in training mode.

    Each known activation is applied to ``pre`` and compared with ``post``; with dropout, ``post`` is
    the activation times 1/(1-p) where kept and 0 where dropped, so the kept entries must match up to
    one common factor. Failing that, a ReLU-like output (many exact zeros, no negatives) or the value
    range still tells ``relu``, ``sigmoid`` or ``tanh``; otherwise ``unknown``.
    """
    with torch.no_grad():
        if pre.numel() != post.numel() or pre.numel() == 0:
            return _by_range(post), 0.0
        z = pre.detach().double().reshape(post.shape)
        y = post.detach().double()
        if torch.equal(z, y):
            return "identity", 0.0
        candidates = _functional_candidates()
        outputs: List[Tuple[str, Tensor]] = []
        for name, fn in candidates:
            try:
                fz = fn(z)
            except (TypeError, RuntimeError):
                continue
            if torch.allclose(fz, y, rtol=1e-4, atol=1e-6):
                return name, 0.0
            outputs.append((name, fz))
        kept = (y != 0)
        for name, fz in outputs:
            both = kept & (fz != 0)
            if not bool(both.any()) or bool((kept & (fz == 0)).any()):
                continue
            scale = float((y[both] / fz[both]).median())
            if scale > 1 and torch.allclose(fz[kept] * scale, y[kept], rtol=1e-4, atol=1e-6):
                return name, round(1 - 1 / scale, 4)
        return _by_range(y), 0.0


def _by_range(post: Tensor) -> str:
    y = post.detach().double()
    if y.numel() == 0 or not bool(torch.isfinite(y).all()):
        return "unknown"
    lo, hi = float(y.min()), float(y.max())
    if lo >= 0 and float((y == 0).double().mean()) > 0.1:
        return "relu"
    if lo >= 0 and hi <= 1:
        return "sigmoid"
    if lo >= -1 and hi <= 1:
        return "tanh"
    return "unknown"
