"""Overhead of the probe: the same small training loop timed with and without it.

Wine quality (red) when the data set is found, else synthetic data of that shape (or ``--rows``): 11 features,
batch 32, an 11-64-32-1 ReLU net, Adam, MSELoss, validation predictions passed to ``epoch()``. Each
repeat trains two fresh, identically seeded models side by side, one plain and one probed, and
alternates between them epoch by epoch (which goes first alternates too), so a change in machine speed
hits both alike. Times are the training thread's CPU time (``time.thread_time``), which other
processes on a busy machine disturb far less than wall time; the probed side also pays for creating
the probe, its run record and ``close()``. The figure printed is the median, over the repeats, of
each repeat's probed time over its plain time, minus one.

    /usr/bin/python3 probes/python/bench_overhead.py [--data-dir DIR] [--repeats 11] [--epochs 10]
                                             [--probes-per-epoch 4] [--rows 1599]
"""
from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, List, Optional, Tuple

import torch
from torch import Tensor, nn

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run from a checkout without installing
from triage_probe import Probe  # noqa: E402


def load(data_dir: Optional[Path], rows: int = 1599) -> Tuple[Tensor, Tensor, str]:
    path = data_dir / "wine_quality_red.csv" if data_dir else None
    if path is not None and path.exists():
        with open(path, newline="") as f:
            rows = list(csv.reader(f))[1:]
        data = torch.tensor([[float(v) for v in r] for r in rows])
        x, y = data[:, :-1], data[:, -1:]
        source = str(path)
    else:
        g = torch.Generator().manual_seed(0)
        x = torch.randn(rows, 11, generator=g)
        y = x @ torch.randn(11, 1, generator=g) + 5
        source = f"synthetic ({rows} x 11)"
    return (x - x.mean(dim=0)) / x.std(dim=0), y, source


class Run:
    """One training run, advanced an epoch at a time; ``seconds`` adds up the CPU time it used."""

    def __init__(self, x: Tensor, y: Tensor, log: Optional[Path], epochs: int, probes_per_epoch: int = 4) -> None:
        start = time.thread_time()
        self.x, self.y = x, y
        torch.manual_seed(0)
        self.order = torch.Generator().manual_seed(1)
        self.model = nn.Sequential(nn.Linear(11, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-3)
        criterion = nn.MSELoss()
        self.probe = Probe(log, task="regression", batch_size=32, epochs=epochs,
                           probes_per_epoch=probes_per_epoch) if log is not None else None
        self.loss_fn: Callable[[Tensor, Tensor], Tensor] = criterion
        if self.probe is not None:
            self.loss_fn = self.probe.watch(self.model, self.optimizer, criterion)
        self.seconds = time.thread_time() - start

    def epoch(self) -> None:
        start = time.thread_time()
        model, optimizer, x, y = self.model, self.optimizer, self.x, self.y
        model.train()
        for i in torch.randperm(len(x), generator=self.order).split(32):
            optimizer.zero_grad()
            loss = self.loss_fn(model(x[i]), y[i])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            pred = model(x)
        if self.probe is not None:
            self.probe.epoch(val_predictions=pred, val_targets=y)
        self.seconds += time.thread_time() - start

    def close(self) -> None:
        start = time.thread_time()
        if self.probe is not None:
            self.probe.close()
        self.seconds += time.thread_time() - start


def repeat(x: Tensor, y: Tensor, log: Path, epochs: int, probed_first: bool,
           probes_per_epoch: int = 4) -> Tuple[float, float]:
    """(plain seconds, probed seconds) of one pair of runs, interleaved epoch by epoch."""
    plain, probed = Run(x, y, None, epochs), Run(x, y, log, epochs, probes_per_epoch)
    for e in range(epochs):
        pair: List[Run] = [probed, plain] if (e % 2 == 0) == probed_first else [plain, probed]
        for run in pair:
            run.epoch()
    plain.close()
    probed.close()
    return plain.seconds, probed.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--probes-per-epoch", type=int, default=4)
    parser.add_argument("--rows", type=int, default=1599, help="rows of the synthetic data (without --data-dir)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    x, y, source = load(args.data_dir, args.rows)
    steps = args.epochs * ((len(x) + 31) // 32)
    with tempfile.TemporaryDirectory() as tmp:
        # Each run writes its own log, as in use (rewriting one file would add the cost of truncating it).
        repeat(x, y, Path(tmp) / "warmup.jsonl", 1, True)  # first-call costs land in neither column
        pairs = [repeat(x, y, Path(tmp) / f"run{r}.jsonl", args.epochs, r % 2 == 0, args.probes_per_epoch)
                 for r in range(args.repeats)]
    ratios = [q / p - 1 for p, q in pairs]
    p = statistics.median(pair[0] for pair in pairs)
    q = statistics.median(pair[1] for pair in pairs)
    print(f"data: {source}")
    print(f"{args.repeats} repeats x {args.epochs} epochs ({steps} steps), probes_per_epoch={args.probes_per_epoch}, "
          f"torch {torch.__version__}, 1 thread")
    print(f"plain  median {p * 1e3:8.1f} ms  ({p / steps * 1e6:6.1f} us/step)")
    print(f"probed median {q * 1e3:8.1f} ms  ({q / steps * 1e6:6.1f} us/step)")
    print("per-repeat overhead: " + " ".join(f"{100 * r:+.1f}%" for r in ratios))
    print(f"overhead (median of repeats): {100 * statistics.median(ratios):+.1f}%")


if __name__ == "__main__":
    main()
