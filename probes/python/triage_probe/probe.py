"""The probe: watches a PyTorch training loop and writes its run log (telemetry v1, JSON Lines)."""
from __future__ import annotations

import atexit
import functools
import math
import os
import time
import types
import warnings
import weakref
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Set, Tuple, Union

import torch
from torch import Tensor, nn
from torch.nn.modules.module import register_module_forward_hook
from torch.utils.hooks import RemovableHandle

from . import _model
from ._jsonl import JsonlWriter, dumps_numbers, number
from ._model import Call, Layer, as_float, tensor_at
from ._stats import (ACTIVATION_KEYS, LayerSums, column_std, finish_all, input_stats, norms, read_all,
                     target_stats, validation_summary)

__all__ = ["Probe", "WatchedLoss"]

PROBE_VERSION = "0.1.0"
TASKS = ("regression", "classification")



#: Fewest steps between two probe steps after the first epoch (see ``epoch()``).
MIN_PROBE_SPACING = 25

class WatchedLoss:
    """The user's loss, called through the probe. Attributes of the wrapped loss stay reachable."""

    def __init__(self, probe: "Probe", loss: Callable[..., Any]) -> None:
        self._probe = probe
        self.loss = loss

    def __call__(self, prediction: Any, target: Any, *args: Any, **kwargs: Any) -> Any:
        return self._probe._on_loss(prediction, target, args, kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["loss"], name)


class _Hook:
    """A hook the probe puts on the model. Copies of the model (``copy.deepcopy``, ``torch.save(model)``)
    get a hook that does nothing instead of a copy of the probe and its open file."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self._fn = fn

    def __call__(self, *args: Any) -> Any:
        return self._fn(*args)

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (_Hook, (_nothing,))


def _nothing(*args: Any) -> None:
    return None


class _PendingProbe:
    """A probe step between its loss call (activations) and its optimizer step (gradients, update)."""

    def __init__(self, record: Dict[str, Any], sums: List[LayerSums], spread: Optional[Tensor], reuse: bool) -> None:
        self.record, self.sums, self.spread, self.reuse = record, sums, spread, reuse


class Probe:
    """Records a PyTorch training run for ``triage diagnose``.

    >>> probe = Probe("runs/mlp.jsonl", task="regression")
    >>> loss_fn = probe.watch(model, optimizer, torch.nn.MSELoss())
    >>> ...  # train with loss_fn; call probe.epoch(...) after each epoch
    >>> probe.close()

    The ``run`` record is written at the first loss call (the first forward pass shows the call order
    of the modules, hence the activations); ``step`` at every training loss call; ``probe`` on
    ``probes_per_epoch`` steps per epoch; ``loss_call`` for each new shape signature; ``nonfinite``
    once; ``epoch`` on :meth:`epoch`; ``end`` on :meth:`close`.
    """

    def __init__(self, path: Union[str, "os.PathLike[str]"], task: str = "regression", classes: Optional[int] = None,
                 *, batch_size: Optional[int] = None, epochs: Optional[int] = None, train_rows: Optional[int] = None,
                 validation_rows: Optional[int] = None, probes_per_epoch: int = 4,
                 framework_version: Optional[str] = None, preprocessing: Optional[Mapping[str, str]] = None,
                 run_facts: Optional[Mapping[str, Any]] = None, min_probe_spacing: int = MIN_PROBE_SPACING) -> None:
        if task not in TASKS:
            raise ValueError(f"task must be one of {TASKS}, not {task!r}")
        self.path = os.fspath(path)
        self.task = task
        self.classes = classes
        self._facts: Dict[str, Any] = {"batch_size": batch_size, "epochs": epochs, "train_rows": train_rows,
                                       "validation_rows": validation_rows}
        self._preprocessing = dict(preprocessing) if preprocessing else None
        # Facts only the user knows (l1/l2 penalties in the loss, gradient clipping, early stopping).
        self._run_facts = dict(run_facts) if run_facts else {}
        self._framework_version = framework_version or torch.__version__
        self._probes_per_epoch = max(0, int(probes_per_epoch))
        self._min_probe_spacing = max(1, int(min_probe_spacing))
        self._writer = JsonlWriter(self.path)
        # Buffered lines survive a run that never calls close(); the weak reference lets the probe die.
        self._atexit: Callable[[], None] = functools.partial(_flush_if_alive, weakref.ref(self))
        atexit.register(self._atexit)

        self._model: Optional[nn.Module] = None
        self._optimizer: Optional[torch.optim.Optimizer] = None
        self._loss: Optional[Callable[..., Any]] = None
        self._loss_name = ""
        self._groups: List[Dict[str, Any]] = []
        self._broadcasting = False
        self._layers: List[Layer] = []
        self._leaves: List[nn.Module] = []
        self._plan: List[nn.Module] = []  # the leaf calls of the first forward, in order
        self._pre_hook: Optional[RemovableHandle] = None
        self._armed: List[RemovableHandle] = []
        self._calls: List[Call] = []
        self._model_output: Any = None
        self._capture_step = -1
        self._inplace = False  # whether the first forward overwrote a pre-activation in place
        self._copy_pre = False
        self._wanted: Set[int] = set()
        self._plan_ids: Set[int] = set()
        self._last_args: Optional[Tuple[Any, ...]] = None
        self._replaying = False
        self._step_method: Optional[Callable[..., Any]] = None
        self._had_own_step = False
        self._own_step: Any = None

        self._run_written = False
        self._closed = False
        self._steps = 0
        self._epochs_done = 0
        self._epoch_start_step = 0
        self._epoch_losses: List[float] = []
        self._epoch_t0 = time.perf_counter()
        self._probe_at: Optional[Set[int]] = None  # in-epoch step indices; None until an epoch's length is known
        self._next_probe = 0 if self._probes_per_epoch else -1  # the step the next forward pre-hook arms for
        self._pending: Optional[_PendingProbe] = None  # a probe step waiting for its gradients and update
        self._signatures: Set[Tuple[Any, ...]] = set()
        self._nonfinite = False
        self._last_finite_loss: Optional[float] = None
        self._last_epoch: Dict[str, Any] = {}

    # ----------------------------------------------------------------------------------- public API

    def watch(self, model: nn.Module, optimizer: Optional[torch.optim.Optimizer],
              loss: Callable[..., Any]) -> WatchedLoss:
        """Starts watching ``model`` trained by ``optimizer`` on ``loss``; returns the loss to call."""
        if self._model is not None:
            raise RuntimeError("this Probe already watches a model; use one Probe per run")
        if self._closed:
            raise RuntimeError("this Probe is closed")
        self._model, self._optimizer, self._loss = model, optimizer, loss
        self._loss_name = _model.loss_name(loss)
        self._broadcasting = _model.is_broadcasting_loss(loss)
        self._leaves = [m for m in model.modules() if not any(True for _ in m.children())]
        self._pre_hook = model.register_forward_pre_hook(_Hook(self._before_forward))
        if optimizer is not None:
            self._groups = optimizer.param_groups
            self._wrap_step(optimizer)
        return WatchedLoss(self, loss)

    def epoch(self, val_loss: Any = None, val_predictions: Any = None, val_targets: Any = None,
              val_metric: Optional[float] = None, metric: Optional[str] = None) -> None:
        """Ends an epoch: writes its ``epoch`` record and flushes the log.

        ``val_loss`` defaults to the watched loss on the validation predictions and targets;
        ``val_metric`` (named ``metric``) to rmse (regression) or accuracy (classification).
        """
        if self._closed:
            raise RuntimeError("this Probe is closed")
        self._ensure_run_record(None)
        self._flush_pending()
        n = self._steps - self._epoch_start_step
        if n > 0 and self._probes_per_epoch > 0:
            # A probe step costs about one more training step: at most one probe per min_probe_spacing steps
            # keeps the probe's cost near 4% on short epochs (at least one probe per epoch).
            p = min(self._probes_per_epoch, max(1, n // self._min_probe_spacing))
            self._probe_at = {max(0, ((i + 1) * n) // p - 1) for i in range(p)}
        record: Dict[str, Any] = {"type": "epoch", "epoch": self._epochs_done + 1, "step": self._steps,
                                  "learning_rate": self._learning_rate(),
                                  "train_loss": _mean(self._epoch_losses)}
        summary: Dict[str, Any] = {}
        if val_predictions is not None and val_targets is not None:
            pred, target = torch.as_tensor(val_predictions), torch.as_tensor(val_targets)
            if val_loss is None:
                val_loss = self._validation_loss(pred, target)
            try:
                summary = validation_summary(self.task, self._loss_name, pred, target)
            except (RuntimeError, ValueError, IndexError):
                summary = {}
        record["validation_loss"] = as_float(val_loss) if val_loss is not None else None
        record["validation_metric"] = val_metric if val_metric is not None else summary.get("validation_metric")
        record["metric"] = metric or (summary.get("metric") if val_metric is None else None)
        record["prediction_std"] = summary.get("prediction_std")
        record["target_std"] = summary.get("target_std")
        now = time.perf_counter()
        record["seconds"] = now - self._epoch_t0
        self._write(record)
        self._writer.flush()
        self._last_epoch = {"train_loss": record["train_loss"], "validation_loss": record["validation_loss"],
                            "validation_metric": record["validation_metric"], "mse": summary.get("mse"),
                            "log_loss": summary.get("log_loss")}
        self._epochs_done += 1
        self._epoch_start_step = self._steps
        self._epoch_losses = []
        self._epoch_t0 = now
        self._schedule()

    def close(self, stop_reason: Optional[str] = None) -> None:
        """Writes the ``end`` record, removes every hook, restores ``optimizer.step`` and closes the file.

        ``stop_reason`` defaults to ``non_finite`` when a non-finite value was seen, else ``completed``.
        """
        if self._closed:
            return
        try:
            if self._model is not None or self._run_written:
                self._ensure_run_record(None)
                self._flush_pending()
                last = self._last_epoch
                end: Dict[str, Any] = {"type": "end", "epochs_run": self._epochs_done,
                                       "stop_reason": stop_reason or ("non_finite" if self._nonfinite else "completed"),
                                       "train_loss": last.get("train_loss"),
                                       "validation_loss": last.get("validation_loss"),
                                       "validation_metric": last.get("validation_metric")}
                if self.task == "regression":
                    end["validation_mse"] = last.get("mse")
                else:
                    end["validation_log_loss"] = last.get("log_loss")
                self._write(end)
        finally:
            self._closed = True
            self._detach()
            self._writer.close()
            atexit.unregister(self._atexit)

    def __enter__(self) -> "Probe":
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        reason = None
        if exc_type is not None and not self._nonfinite:
            reason = "interrupted" if issubclass(exc_type, KeyboardInterrupt) else "error"
        self.close(reason)

    # ------------------------------------------------------------------------------ hooks and wrapping

    def _before_forward(self, module: nn.Module, args: Tuple[Any, ...]) -> None:
        """The one hook present on every forward pass: it costs a few attribute reads unless this
        forward must be captured (until the run record exists, and on probe steps)."""
        if self._closed or self._replaying:
            return
        if self._armed:  # a forward that raised never reached the hook that disarms
            self._disarm()
        self._last_args = args
        if not self._run_written:
            self._arm(self._leaves)
        elif self._steps == self._next_probe and module.training and torch.is_grad_enabled():
            self._arm(self._plan)

    def _arm(self, modules: List[nn.Module]) -> None:
        """Capture for one forward pass: one global module hook (filtered to ``modules``) and the model's
        own forward hook, which removes both at the end of the pass."""
        assert self._model is not None
        self._calls = []
        self._model_output = None
        self._capture_step = self._steps
        self._wanted = self._plan_ids if modules is self._plan else {id(m) for m in modules}
        # Pre-activations are copied on the first forward, and later only if it showed that something
        # overwrites them in place (ReLU(inplace=True)): copies are what a probe step pays most for.
        self._copy_pre = not self._run_written or self._inplace
        self._armed.append(register_module_forward_hook(self._capture))
        self._armed.append(self._model.register_forward_hook(_Hook(self._after_forward)))

    def _capture(self, module: nn.Module, inputs: Tuple[Any, ...], output: Any) -> None:
        if id(module) not in self._wanted:
            return
        x = inputs[0] if inputs and isinstance(inputs[0], Tensor) else None
        y = output if isinstance(output, Tensor) else None
        copy = None
        if self._copy_pre and y is not None and isinstance(module, (nn.Linear, _model._NORMS)):
            copy = y.detach().clone()
        self._calls.append(Call(module, x, y, copy))

    def _after_forward(self, module: nn.Module, inputs: Tuple[Any, ...], output: Any) -> None:
        self._model_output = output
        self._disarm()

    def _disarm(self) -> None:
        for h in self._armed:
            h.remove()
        self._armed = []

    def _wrap_step(self, optimizer: torch.optim.Optimizer) -> None:
        """Replaces the instance's ``step`` by a bound method that reads gradients before the update and
        the weight change after it on probe steps. Bound to the optimizer, so torch's LR schedulers
        (which re-wrap ``optimizer.step`` through ``__func__``) keep working in 1.13 and 2.x."""
        original = optimizer.step
        probe_ref = weakref.ref(self)

        def step(opt: torch.optim.Optimizer, *args: Any, **kwargs: Any) -> Any:
            if opt is not optimizer:  # a copy of the optimizer (copy.deepcopy) steps itself, unwatched
                return type(opt).step(opt, *args, **kwargs)
            probe = probe_ref()
            if probe is None or probe._closed or probe._pending is None:
                return original(*args, **kwargs)
            return probe._probed_step(original, args, kwargs)

        # An LR scheduler marks the step it wrapped and warns when the mark is gone: keep its marks.
        for mark in ("_with_counter", "_wrapped_by_lr_sched"):
            if getattr(original, mark, False):
                setattr(step, mark, True)
        self._had_own_step = "step" in optimizer.__dict__
        self._own_step = optimizer.__dict__.get("step")
        self._step_method = types.MethodType(step, optimizer)
        optimizer.step = self._step_method  # type: ignore[method-assign,assignment]

    def _detach(self) -> None:
        self._disarm()
        if self._pre_hook is not None:
            self._pre_hook.remove()
            self._pre_hook = None
        opt = self._optimizer
        if opt is not None and opt.__dict__.get("step") is self._step_method:
            if self._had_own_step:
                opt.step = self._own_step  # type: ignore[method-assign,assignment]
            else:
                del opt.__dict__["step"]
        # If something wrapped our step since (an LR scheduler), our function now just passes through.
        self._calls, self._model_output, self._last_args = [], None, None

    # ------------------------------------------------------------------------------------ loss calls

    def _on_loss(self, pred: Any, target: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        # The hot path: every training step comes through here, so it stays short (a few microseconds).
        loss: Callable[..., Any] = self._loss  # type: ignore[assignment]  # watch() set it (and the model)
        if self._closed:
            return loss(pred, target, *args, **kwargs)
        training = self._model.training and torch.is_grad_enabled()  # type: ignore[union-attr]
        if not self._run_written:
            self._write_run_record(pred if training else None, target)
        step = self._steps if training else max(self._steps - 1, 0)
        if isinstance(pred, Tensor) and isinstance(target, Tensor):
            signature = (pred.shape, target.shape, pred.dtype, target.dtype, kwargs.get("reduction") if kwargs else None)
            if signature not in self._signatures:
                self._signatures.add(signature)
                self._new_signature(pred, target, kwargs, step)
        result = loss(pred, target, *args, **kwargs)
        if not training:
            return result
        if self._pending is not None:
            self._flush_pending()  # the previous probe step never reached optimizer.step
        try:
            value = result.item()
        except (AttributeError, RuntimeError, ValueError):  # not a tensor, or reduction="none"
            value = _loss_value(result)
        epoch = self._epochs_done + 1
        lr = self._groups[0]["lr"] if self._groups else None
        if lr is not None and type(lr) is not float:
            lr = as_float(lr)  # an int, or a tensor (torch 2 allows lr=torch.tensor(...))
        self._steps += 1
        if self._steps > self._next_probe >= 0:
            self._schedule()
        self._epoch_losses.append(value)
        finite = math.isfinite(value)
        self._writer.write_line(f'{{"type":"step","step":{step},"epoch":{epoch},"loss":'
                                f'{repr(value) if finite else number(value)}'
                                + (f',"learning_rate":{number(lr)}}}' if lr is not None else "}"))
        captured = self._capture_step == step and bool(self._calls)
        if captured and self._probes_per_epoch:
            self._pending = self._activation_probe(step, epoch, lr, value, pred)
        if not finite:
            if not self._nonfinite:
                self._locate_nonfinite(step, epoch, pred, target, captured)
        else:
            self._last_finite_loss = value
        if captured:
            self._calls = []  # the capture is read: let the tensors go
        return result

    def _new_signature(self, pred: Tensor, target: Tensor, kwargs: Dict[str, Any], step: int) -> None:
        if isinstance(self._loss, nn.Module):
            reduction = getattr(self._loss, "reduction", None)
        else:  # torch's functional losses reduce by their mean unless told otherwise
            functional = getattr(self._loss, "__module__", None) == "torch.nn.functional"
            reduction = kwargs.get("reduction", "mean" if functional else None)
        broadcast: Optional[List[int]] = None
        if self._broadcasting:
            try:
                shape = list(torch.broadcast_shapes(pred.shape, target.shape))
            except RuntimeError:
                shape = None  # the loss itself will raise
            if shape is not None and (shape != list(pred.shape) or shape != list(target.shape)):
                broadcast = shape
                warnings.warn(_broadcast_message(self._loss_name, pred.shape, target.shape, shape),
                              UserWarning, stacklevel=4)
        self._write({"type": "loss_call", "step": step, "loss": self._loss_name,
                     "prediction_shape": list(pred.shape), "target_shape": list(target.shape),
                     "prediction_dtype": _dtype(pred.dtype), "target_dtype": _dtype(target.dtype),
                     "reduction": reduction, "broadcast_shape": broadcast})

    # --------------------------------------------------------------------------------------- probing

    def _schedule(self) -> None:
        """The next step to probe, from the current one on: -1 for none until ``epoch()`` is called."""
        self._next_probe = -1
        if not self._probes_per_epoch:
            return
        if self._probe_at is None:
            j = self._steps - self._epoch_start_step
            self._next_probe = self._epoch_start_step + (j if j < 3 else 1 << (j - 1).bit_length())
            return
        ahead = [j for j in self._probe_at if self._epoch_start_step + j >= self._steps]
        if ahead:
            self._next_probe = self._epoch_start_step + min(ahead)

    def _is_probe_step(self, step: int) -> bool:
        """Steps 0, 1, 2, 4, 8, ... of the first epoch (its length is unknown yet); later, the last step
        of each of ``probes_per_epoch`` equal slices of the epoch, using the previous epoch's length."""
        j = step - self._epoch_start_step
        if self._probe_at is None:
            return j < 3 or (j & (j - 1)) == 0
        return j in self._probe_at

    def _activation_probe(self, step: int, epoch: int, lr: Optional[float], loss: float, pred: Any) -> "_PendingProbe":
        """The activation half of a probe step, as tensors still to be read (with the gradients)."""
        calls, output = self._calls, self._model_output
        same = len(calls) == len(self._plan) and all(c.module is m for c, m in zip(calls, self._plan))
        with torch.no_grad():
            # A forward that called other modules than the first one: positions mean nothing there.
            sources = [(tensor_at(calls, layer.pre_at, output), tensor_at(calls, layer.act_at, output)) if same
                       else (None, None) for layer in self._layers]
            last = len(self._layers) - 1
            sums = [LayerSums(pre, act, layer.activation, exact=layer.index == last)
                    for (pre, act), layer in zip(sources, self._layers)]
            # The spread of the predictions is the output layer's when the loss got its very output.
            reuse = bool(sources) and isinstance(pred, Tensor) and pred is sources[-1][1] and pred.dim() == 2 \
                and pred.shape[1] == 1
            spread = column_std(pred) if isinstance(pred, Tensor) and not reuse else None
        record: Dict[str, Any] = {"type": "probe", "step": step, "epoch": epoch, "learning_rate": lr, "loss": loss}
        return _PendingProbe(record, sums, spread, reuse)

    def _probed_step(self, original: Callable[..., Any], args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        """The optimizer step of a probe step: gradient and weight norms before it, the change after."""
        pending = self._pending
        assert pending is not None
        self._pending = None
        with torch.no_grad():
            weights = [layer.module.weight for layer in self._layers]
            grads = [w.grad for w in weights]
            before_norms = norms(weights + [g for g in grads if g is not None])
            before = [w.clone() for w in weights]
        out = original(*args, **kwargs)
        with torch.no_grad():
            updates = norms([w - b for w, b in zip(weights, before)])
        self._finish_probe(pending, before_norms, grads, updates)
        return out

    def _flush_pending(self) -> None:
        """Writes a probe record whose optimizer step never came (gradients and update stay null)."""
        pending = self._pending
        if pending is not None:
            self._pending = None
            with torch.no_grad():
                weight_norms = norms([layer.module.weight for layer in self._layers])
            self._finish_probe(pending, weight_norms, [None] * len(self._layers), [None] * len(self._layers))

    def _finish_probe(self, pending: "_PendingProbe", weight_and_grad_norms: List[float],
                      grads: List[Optional[Tensor]], updates: Sequence[Optional[float]]) -> None:
        """Reads what a probe step computed, checks it for non-finite values and writes its record."""
        n = len(self._layers)
        stats, rest = finish_all(pending.sums, [pending.spread] if pending.spread is not None else [])
        rest += weight_and_grad_norms
        record = pending.record
        for k in ACTIVATION_KEYS:
            record[k] = [layer_stats[k] for layer_stats in stats]
        if pending.spread is not None:
            record["prediction_std"], rest = rest[0], rest[1:]
        else:
            record["prediction_std"] = stats[-1]["act_std"] if pending.reuse and stats else None
        record["weight_norm"] = rest[:n]
        found = iter(rest[n:])
        record["grad_norm"] = [None if g is None else next(found) for g in grads]
        record["update_norm"] = list(updates)
        if not self._nonfinite:
            bad_grads = [i for i, g in enumerate(record["grad_norm"]) if g is not None and not math.isfinite(g)]
            bad_updates = [i for i, u in enumerate(updates) if u is not None and not math.isfinite(u)]
            bad_act = _first_nonfinite_stats(record)
            if bad_act is not None:  # a finite loss can hide an overflow (tanh(inf) is 1)
                self._write_nonfinite(record["step"], record["epoch"], bad_act, "activation", cause="activation")
            elif bad_grads:  # backward runs from the output: the last layer in forward order went first
                self._write_nonfinite(record["step"], record["epoch"], bad_grads[-1], "gradient")
            elif bad_updates:
                self._write_nonfinite(record["step"], record["epoch"], bad_updates[0], "weight")
        self._writer.write_line(dumps_numbers(record))

    # ----------------------------------------------------------------------------------- non-finite

    def _locate_nonfinite(self, step: int, epoch: int, pred: Any, target: Any, captured: bool) -> None:
        """Finds where the first non-finite loss came from: a weight, the input batch, the target, a
        layer's activations (captured on probe steps, else replayed), or the loss itself."""
        for layer in self._layers:
            if not bool(torch.isfinite(layer.module.weight.detach()).all()):
                self._write_nonfinite(step, epoch, layer.index, "weight")
                return
        x = self._last_args[0] if self._last_args else None
        if isinstance(x, Tensor) and x.is_floating_point() and not bool(torch.isfinite(x).all()):
            self._write_nonfinite(step, epoch, 0, "activation", cause="input")
            return
        if isinstance(pred, Tensor) and bool(torch.isfinite(pred.detach()).all()):
            if isinstance(target, Tensor) and target.is_floating_point() and not bool(torch.isfinite(target).all()):
                self._write_nonfinite(step, epoch, -1, "loss", cause="target")
            else:
                self._write_nonfinite(step, epoch, -1, "loss", cause="loss")
            return
        calls, output = (self._calls, self._model_output) if captured else self._replay()
        bad = _first_nonfinite_layer(self._layers, calls, output) if calls else None
        if bad is None:
            self._write_nonfinite(step, epoch, -1, "loss", cause="prediction")
        else:
            self._write_nonfinite(step, epoch, bad, "activation", cause="activation")

    def _replay(self) -> Tuple[List[Call], Any]:
        """Runs the last forward again under no_grad with capture hooks, restoring the random number
        generators and the buffers (BatchNorm statistics) afterwards, so training is undisturbed."""
        model = self._model
        if model is None or self._last_args is None:
            return [], None
        saved = [(b, b.detach().clone()) for b in model.buffers()]
        devices = sorted({p.device.index or 0 for p in model.parameters() if p.device.type == "cuda"})
        self._replaying = True
        try:
            with torch.random.fork_rng(devices=devices), torch.no_grad():
                self._arm(self._plan)
                model(*self._last_args)
            return self._calls, self._model_output
        except Exception:  # noqa: BLE001 - a forward we cannot repeat (keyword arguments) just stays unlocated
            return [], None
        finally:
            self._disarm()
            self._replaying = False
            self._calls, self._model_output = [], None
            with torch.no_grad():
                for b, copy in saved:
                    b.copy_(copy)

    def _write_nonfinite(self, step: int, epoch: int, layer: int, tensor: str, cause: Optional[str] = None) -> None:
        self._nonfinite = True
        record: Dict[str, Any] = {"type": "nonfinite", "step": step, "epoch": epoch, "layer": layer,
                                  "layer_name": self._layers[layer].name if 0 <= layer < len(self._layers) else None,
                                  "tensor": tensor, "last_finite_loss": self._last_finite_loss}
        if cause is not None:
            record["x_cause"] = cause
        self._write(record)
        self._writer.flush()  # a crash often follows

    # ---------------------------------------------------------------------------------- run record

    def _ensure_run_record(self, train_pred: Any) -> None:
        if not self._run_written:
            self._write_run_record(train_pred, None)

    def _write_run_record(self, train_pred: Any, target: Any) -> None:
        self._run_written = True
        model = self._model
        layers, uncalled = _model.describe(model, self._calls, self._model_output) if model is not None else ([], [])
        self._layers = layers
        self._plan = [c.module for c in self._calls]
        self._plan_ids = {id(m) for m in self._plan}
        self._inplace = any(c.snapshot is not None and c.output is not None and not torch.equal(c.snapshot, c.output)
                            for c in self._calls)
        batch_size = self._facts["batch_size"]
        if batch_size is None and isinstance(train_pred, Tensor) and train_pred.dim() > 0:
            batch_size = int(train_pred.shape[0])
        classes = self.classes
        if self.task == "classification" and classes is None and layers:
            classes = max(2, layers[-1].module.out_features)
        record: Dict[str, Any] = {
            "type": "run", "format": "triage-telemetry", "version": 1, "framework": "pytorch",
            "framework_version": self._framework_version, "task": self.task,
            "classes": classes if self.task == "classification" else 0,
            "layers": [layer.record() for layer in layers], "loss": self._loss_name or None,
            "optimizer": _model.optimizer_facts(self._optimizer), "batch_size": batch_size,
            "epochs": self._facts["epochs"], "train_rows": self._facts["train_rows"],
            "validation_rows": self._facts["validation_rows"],
        }
        if self._preprocessing:
            record["preprocessing"] = self._preprocessing
        record.update({k: v for k, v in self._run_facts.items() if k not in ("type", "format", "version")})
        x = self._last_args[0] if self._last_args else None
        if isinstance(x, Tensor):
            with torch.no_grad():
                record["inputs"] = input_stats(x)
        if self.task == "regression" and isinstance(target, Tensor):
            with torch.no_grad():
                record["targets"] = target_stats(target)
        if model is not None:
            record["parameters"] = sum(p.numel() for p in model.parameters() if p.requires_grad)
            first = next(model.parameters(), None)
            record["x_pytorch"] = {"probe_version": PROBE_VERSION, "input_batches": 1,
                                   "dtype": _dtype(first.dtype) if first is not None else None,
                                   "device": str(first.device) if first is not None else None,
                                   "uncalled_linear": uncalled,
                                   "probes_per_epoch": self._probes_per_epoch}
        self._write(record)
        self._writer.flush()

    # -------------------------------------------------------------------------------------- helpers

    def _write(self, record: Dict[str, Any]) -> None:
        # Fields not recorded are left out, except broadcast_shape whose null means "no broadcast".
        self._writer.write({k: v for k, v in record.items() if v is not None or k == "broadcast_shape"})

    def _learning_rate(self) -> Optional[float]:
        if self._optimizer is None:
            return None
        return as_float(self._optimizer.param_groups[0].get("lr"))

    def _validation_loss(self, pred: Tensor, target: Tensor) -> Optional[float]:
        if self._loss is None:
            return None
        try:
            with torch.no_grad():
                return _loss_value(self._loss(pred, target))
        except Exception:  # noqa: BLE001 - a user's loss may not take these tensors; the loss stays unknown
            return None


def _first_nonfinite_layer(layers: List[Layer], calls: List[Call], output: Any) -> Optional[int]:
    with torch.no_grad():
        for layer in layers:
            for source in ((layer.call_at, "out"), layer.pre_at, layer.act_at):
                t = tensor_at(calls, source, output)  # type: ignore[arg-type]
                if t is not None and t.is_floating_point() and not bool(torch.isfinite(t).all()):
                    return layer.index
    return None


def _first_nonfinite_stats(record: Dict[str, Any]) -> Optional[int]:
    """The first layer whose activation statistics are not finite (a mean or spread over a tensor
    holding an infinity or NaN is itself infinite or NaN)."""
    for i, values in enumerate(zip(record["pre_act_std"], record["act_mean"], record["act_std"])):
        if any(v is not None and not math.isfinite(v) for v in values):
            return i
    return None


def _broadcast_message(loss: str, pred: torch.Size, target: torch.Size, shape: List[int]) -> str:
    p, t = list(pred), list(target)
    if len(p) == len(t) + 1 and p[-1] == 1:
        fix = "reshape the target with `target.view(-1, 1)` or squeeze the prediction with `pred.squeeze(1)`"
    elif len(t) == len(p) + 1 and t[-1] == 1:
        fix = "squeeze the target with `target.squeeze(1)` or reshape the prediction with `pred.view(-1, 1)`"
    else:
        fix = "make the prediction and target shapes equal"
    return (f"triage: {loss} got prediction {p} and target {t}; they broadcast to {shape}, so every prediction "
            f"is compared with every target and the network learns to predict the mean. Fix: {fix}.")


def _loss_value(result: Any) -> float:
    if isinstance(result, Tensor):
        t = result.detach()
        return float(t.item() if t.numel() == 1 else t.double().mean().item())
    return float(result)


def _dtype(dtype: torch.dtype) -> str:
    return str(dtype).replace("torch.", "")


def _mean(values: List[float]) -> Optional[float]:
    return math.fsum(values) / len(values) if values else None


def _flush_if_alive(ref: "weakref.ReferenceType[Probe]") -> None:
    probe = ref()
    if probe is not None and not probe._closed:
        probe._writer.flush()
