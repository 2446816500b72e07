"""Sorted [start, end) items answered by binary search, so per-match questions
("is there a figure in this sentence?", "is a bound within 40 characters?") cost
O(log n) instead of a walk over every item: rules stay linear in the text's length.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Generic, Protocol, TypeVar


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Spanned)


class Intervals(Generic[T]):
    """Items with `start`/`end`, sorted by start, for range questions."""

    __slots__ = ("items", "starts", "_max_end")

    def __init__(self, items: Iterable[T]) -> None:
        self.items: list[T] = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]
        self._max_end: list[int] = []
        running = -1
        for item in self.items:
            running = max(running, item.end)
            self._max_end.append(running)

    def starting_in(self, a: int, b: int) -> Sequence[T]:
        """The items with a <= start < b, in order of start."""
        return self.items[bisect_left(self.starts, a):bisect_left(self.starts, b)]

    def overlaps(self, lo: int, hi: int) -> bool:
        """True when some item has end > lo and start < hi."""
        k = bisect_left(self.starts, hi)
        return k > 0 and self._max_end[k - 1] > lo

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)
