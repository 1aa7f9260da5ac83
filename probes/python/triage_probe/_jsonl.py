"""Writing the run log: one JSON object per line, NaN and infinities as the strings the format uses."""
from __future__ import annotations

import json
import math
import os
from typing import Any, Dict, List, Optional, TextIO

# Enough lines to cover a typical first epoch; beyond it we write anyway so memory stays bounded.
_MAX_BUFFERED_LINES = 512


def clean(value: Any) -> Any:
    """A copy of ``value`` that ``json.dumps(allow_nan=False)`` accepts.

    JSON has no literal for NaN or infinity, so telemetry v1 spells them as strings; tensors and numpy
    scalars (anything with ``.item()``) become plain Python numbers first.
    """
    if isinstance(value, bool) or value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if hasattr(value, "item"):
        return clean(value.item())
    return str(value)


def dumps(record: Dict[str, Any]) -> str:
    try:  # most records hold only finite Python numbers: the C encoder takes them as they are
        return json.dumps(record, allow_nan=False, separators=(",", ":"))
    except (ValueError, TypeError):
        return json.dumps(clean(record), allow_nan=False, separators=(",", ":"))


class JsonlWriter:
    """Buffers whole lines and writes them in one go, so a crash never leaves half a record behind
    (except when the operating system itself cuts a write short)."""

    def __init__(self, path: "os.PathLike[str] | str") -> None:
        parent = os.path.dirname(os.fspath(path))
        if parent:
            os.makedirs(parent, exist_ok=True)
        self._file: TextIO = open(path, "w", encoding="utf-8", newline="\n")
        self._lines: List[str] = []

    def write(self, record: Dict[str, Any]) -> None:
        self.write_line(dumps(record))

    def write_line(self, line: str) -> None:
        """A line already in JSON (the hot path: ``step`` records are formatted by hand)."""
        self._lines.append(line)
        if len(self._lines) >= _MAX_BUFFERED_LINES:
            self.flush()

    def flush(self) -> None:
        if self._file.closed:
            return
        if self._lines:
            self._file.write("\n".join(self._lines) + "\n")
            self._lines.clear()
        self._file.flush()

    def close(self) -> None:
        if not self._file.closed:
            self.flush()
            self._file.close()


def number(value: Optional[float]) -> str:
    """One number as JSON: Python's float repr is what json.dumps writes for finite values."""
    if value is None:
        return "null"
    if math.isfinite(value):
        return repr(value)
    return '"NaN"' if math.isnan(value) else '"Infinity"' if value > 0 else '"-Infinity"'


def short_number(value: Any) -> str:
    """A number with 9 significant digits: ample for statistics of float32 tensors, and about twice
    as fast to write as the shortest exact form (probe records hold a hundred of them)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        raise TypeError("bool")
    if isinstance(value, float):
        if math.isfinite(value):
            return "%.9g" % value
        return '"NaN"' if math.isnan(value) else '"Infinity"' if value > 0 else '"-Infinity"'
    if isinstance(value, int):
        return str(value)
    raise TypeError(type(value).__name__)


def dumps_numbers(record: Dict[str, Any]) -> str:
    """A record whose keys are plain names and whose values are strings, numbers and arrays of
    numbers, written by hand with ``short_number``; anything else takes the general path."""
    try:
        parts = []
        for key, value in record.items():
            if isinstance(value, list):
                if value and all(type(v) is float and math.isfinite(v) for v in value):  # the usual case
                    text = "[" + ("%.9g," * len(value) % tuple(value))[:-1] + "]"  # one formatting call
                else:
                    text = "[" + ",".join([short_number(v) for v in value]) + "]"
            elif isinstance(value, str):
                text = json.dumps(value)
            else:
                text = short_number(value)
            parts.append('"' + key + '":' + text)
        return "{" + ",".join(parts) + "}"
    except TypeError:
        return dumps(record)
