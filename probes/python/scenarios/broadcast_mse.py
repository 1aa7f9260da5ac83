"""Wine quality regression with the classic shape bug: the model outputs [N, 1], the targets are [N],
and ``MSELoss()(model(x), y)`` broadcasts them to [N, N]. Every prediction is pulled towards every
target, so the network learns to predict the mean quality for every wine.
"""
import argparse
import csv
import sys
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing
from triage_probe import Probe  # noqa: E402


def load_csv(path: Path) -> "tuple[torch.Tensor, torch.Tensor]":
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    data = torch.tensor([[float(v) for v in r] for r in rows[1:]])
    return data[:, :-1], data[:, -1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)

    x, y = load_csv(args.data_dir / "wine_quality_red.csv")  # y has shape [N]: the bug
    order = torch.randperm(len(x))
    cut = int(0.8 * len(x))
    train, val = order[:cut], order[cut:]
    mean, std = x[train].mean(dim=0), x[train].std(dim=0)
    x = (x - mean) / std
    x_train, y_train, x_val, y_val = x[train], y[train], x[val], y[val]

    model = nn.Sequential(nn.Linear(11, 32), nn.ReLU(), nn.Linear(32, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    epochs, batch = 30, 32
    with Probe(args.out, task="regression", batch_size=batch, epochs=epochs, train_rows=len(train),
               validation_rows=len(val), preprocessing={"scale": "standard"}) as probe:
        loss_fn = probe.watch(model, optimizer, nn.MSELoss())
        for epoch in range(epochs):
            model.train()
            for i in torch.randperm(len(x_train)).split(batch):
                optimizer.zero_grad()
                loss = loss_fn(model(x_train[i]), y_train[i])
                loss.backward()
                optimizer.step()
            model.eval()
            with torch.no_grad():
                pred = model(x_val)
                val_loss = loss_fn(pred, y_val).item()
            probe.epoch(val_loss=val_loss, val_predictions=pred, val_targets=y_val)
    print(f"validation loss {val_loss:.3f}, prediction std {pred.std():.4f} vs target std {y_val.std():.3f}")


if __name__ == "__main__":
    main()
