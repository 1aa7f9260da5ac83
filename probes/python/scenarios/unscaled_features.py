"""California housing regression on raw, unscaled features: total_rooms and population run into the
thousands while median_income is around 4. Plain SGD diverges at any usual rate, and at the largest
rate that does not (1e-6) the small-valued features barely move, so the network trains poorly: its
validation error stays well above that of predicting the mean. The target is scaled (dollars / 1e5);
the features are not, which is the bug.
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
        reader = csv.reader(f)
        header = next(reader)
        rows = [r for r in reader if all(v != "" for v in r)]  # drop the rows with a missing value
    target = header.index("median_house_value")
    features = [i for i, name in enumerate(header) if i != target and name != "ocean_proximity"]
    x = torch.tensor([[float(r[i]) for i in features] for r in rows])
    y = torch.tensor([float(r[target]) for r in rows])
    return x, y


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)

    x, y = load_csv(args.data_dir / "california_housing.csv")
    y = (y / 1e5).view(-1, 1)
    order = torch.randperm(len(x))
    cut = int(0.8 * len(x))
    train, val = order[:cut], order[cut:]
    x_train, y_train, x_val, y_val = x[train], y[train], x[val], y[val]

    model = nn.Sequential(nn.Linear(x.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-6)
    epochs, batch = 8, 64
    with Probe(args.out, task="regression", batch_size=batch, epochs=epochs, train_rows=len(train),
               validation_rows=len(val), preprocessing={"scale": "none"}) as probe:
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
    print(f"validation rmse {val_loss ** 0.5:.3f} (x $100k); target std {y_val.std():.3f}")


if __name__ == "__main__":
    main()
