"""Sentence and clause boundaries in English and Chinese text, as character spans.

Rules that judge a claim look at the sentence or clause around a match ("is there a time
bound in the same clause as 'fast'?"). Spans keep the original offsets, so a hit found in
a span maps back to the file like any other.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from vplint.lazyre import lazy

# A full stop ends a sentence only before whitespace, so 97.4% and e.g. $12.40 stay whole.
_SENTENCE_BREAK = lazy(r"(?<=[.!?])[\"'”’)]*(?=\s)|(?<=[。！？；;])|\n[ \t]*\n")
_CLAUSE_BREAK = lazy(
    r"(?<=[.!?])[\"'”’)]*(?=\s)|(?<=[。！？；;，、：（）()])|(?<=[,:])(?=\s)|\s[—–-]\s|\n")


def _spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in pattern.finditer(text):
        end = m.end() if m.end() > m.start() else m.start()
        if end > start:
            spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()] or [(0, len(text))]


@lru_cache(maxsize=64)  # per proposition reuse; more would hold long texts alive
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of every sentence in `text` (blank-only pieces dropped); cached, as
    several rules ask about the same field."""
    return tuple(_spans(text, _SENTENCE_BREAK))


@lru_cache(maxsize=64)  # per proposition reuse; more would hold long texts alive
def clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of every clause: sentences further cut at commas, colons and dashes."""
    return tuple(_spans(text, _CLAUSE_BREAK))


def span_of(spans: tuple[tuple[int, int], ...], index: int) -> tuple[int, int]:
    """The span that holds character `index` (the last one when `index` is past the end)."""
    i = max(0, bisect.bisect_right(spans, index, key=_start) - 1)
    return spans[i]


def _start(span: tuple[int, int]) -> int:
    return span[0]
