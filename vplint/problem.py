"""Problems found while loading a file, before any rule runs (its own module so that the
decoder and the loaders share it without importing each other)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Problem:
    """A load-time finding (VP001 parse error, VP004 duplicate key) before rules run.

    `source` is set when the file could not be decoded: the text shown for it (bad bytes
    replaced), so `start` still maps to a line and column.
    """

    code: str
    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    field: str | None = None
    source: str | None = None
