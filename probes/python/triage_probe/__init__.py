"""triage-probe: records a PyTorch training run as a Triage run log (triage-telemetry v1)."""
from .probe import PROBE_VERSION as __version__
from .probe import Probe, WatchedLoss

__all__ = ["Probe", "WatchedLoss", "__version__"]
