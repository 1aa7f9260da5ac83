"""Overhead of the probe: the same small training loop timed with and without it.

Wine quality (red) when the data set is found, else synthetic data of the same shape: 11 features,
batch 32, an 11-64-32-1 ReLU net, Adam, MSELoss. Each repeat trains a fresh, identically seeded model
for a few epochs; plain and probed runs alternate (which goes first alternates too) so drifts in
machine speed hit both alike. Times are the training thread's CPU time (``time.thread_time``), which
other processes on a busy machine disturb far less than wall time. The figure printed is the median,
over the repeats, of each pair's probed time over its plain time, minus one.

    /usr/bin/python3 probes/python/bench_overhead.py [--data-dir DIR] [--repeats 7] [--epochs 5]
"""
from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional, Tuple

import torch
from torch import Tensor, nn

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run from a checkout without installing
from triage_probe import Probe  # noqa: E402


def load(data_dir: Optional[Path]) -> Tuple[Tensor, Tensor, str]:
    path = data_dir / "wine_quality_red.csv" if data_dir else None
    if path is not None and path.exists():
        with open(path, newline="") as f:
            rows = list(csv.reader(f))[1:]
        data = torch.tensor([[float(v) for v in r] for r in rows])
        x, y = data[:, :-1], data[:, -1:]
        source = str(path)
    else:
        g = torch.Generator().manual_seed(0)
        x = torch.randn(1599, 11, generator=g)
        y = x @ torch.randn(11, 1, generator=g) + 5
        source = "synthetic (1599 x 11)"
    return (x - x.mean(dim=0)) / x.std(dim=0), y, source


def train(x: Tensor, y: Tensor, epochs: int, out: Optional[Path]) -> float:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(11, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = nn.MSELoss()
    probe = Probe(out, task="regression", batch_size=32, epochs=epochs) if out is not None else None
    loss_fn: Callable[[Tensor, Tensor], Tensor] = criterion
    if probe is not None:
        loss_fn = probe.watch(model, optimizer, criterion)
    start = time.thread_time()
    for _ in range(epochs):
        model.train()
        for i in torch.randperm(len(x)).split(32):
            optimizer.zero_grad()
            loss = loss_fn(model(x[i]), y[i])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            pred = model(x)
        if probe is not None:
            probe.epoch(val_predictions=pred, val_targets=y)
    if probe is not None:
        probe.close()
    return time.thread_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()
    torch.set_num_threads(1)
    x, y, source = load(args.data_dir)
    steps = args.epochs * ((len(x) + 31) // 32)
    with tempfile.TemporaryDirectory() as tmp:
        logs = (Path(tmp) / f"run{i}.jsonl" for i in range(10 ** 6))  # each run writes its own log, as in use
        train(x, y, 1, None)  # warm-up: first-call costs land in neither column
        train(x, y, 1, next(logs))
        plain, probed = [], []
        for r in range(args.repeats):
            if r % 2 == 0:
                plain.append(train(x, y, args.epochs, None))
                probed.append(train(x, y, args.epochs, next(logs)))
            else:
                probed.append(train(x, y, args.epochs, next(logs)))
                plain.append(train(x, y, args.epochs, None))
    ratios = [q / p - 1 for p, q in zip(plain, probed)]
    p, q = statistics.median(plain), statistics.median(probed)
    print(f"data: {source}")
    print(f"{args.repeats} repeats x {args.epochs} epochs ({steps} steps), torch {torch.__version__}, 1 thread")
    print(f"plain  median {p * 1e3:8.1f} ms  ({p / steps * 1e6:6.1f} us/step)")
    print(f"probed median {q * 1e3:8.1f} ms  ({q / steps * 1e6:6.1f} us/step)")
    print("per-pair overhead: " + " ".join(f"{100 * r:+.1f}%" for r in ratios))
    print(f"overhead (median of pairs): {100 * statistics.median(ratios):+.1f}%")


if __name__ == "__main__":
    main()
