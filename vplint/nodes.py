"""A small YAML-like node tree that remembers where every value came from.

PyYAML's composer gives nodes with start/end marks; we convert them once into `Node`s that
hold the typed value plus the source indexes, so any character offset inside a string value
can be mapped back to line:column of the file (plain, quoted and block scalars alike).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from vplint.lazyre import lazy

LINE_BREAK = lazy(r"\r\n|\r|\n")
"""What ends a line, as editors count lines: CRLF, a lone CR or LF."""


class LineIndex:
    """Maps a character index of a text to a 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        if "\r" in text:
            self.starts.extend(m.end() for m in LINE_BREAK.finditer(text))
            return
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, index: int) -> tuple[int, int]:
        """Return (line, column), both 1-based, of character `index`."""
        index = max(0, min(index, len(self.text)))
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1

    def index(self, line: int, column: int) -> int:
        """Inverse of `position` (clamped to the text)."""
        line = max(1, min(line, len(self.starts)))
        return max(0, min(self.starts[line - 1] + column - 1, len(self.text)))


def iter_lines(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(index of the line's first character, line without its break) from `start` on.

    Lines end where LineIndex says they do; unlike str.splitlines, form feeds, U+2028
    and other rare separators stay inside the line, so line numbers agree.
    """
    pos = start
    for match in LINE_BREAK.finditer(text, start):
        yield pos, text[pos:match.start()]
        pos = match.end()
    if pos < len(text):
        yield pos, text[pos:]


@dataclass
class Node:
    """A value from a proposition with its source region.

    `value` is a str/int/float/bool/None for scalars, a list of Nodes for sequences and a
    dict of str -> Node for mappings. `start`/`end` are character indexes into the file
    text. `verbatim` says the scalar's text stands in the file exactly as in `value` from
    `start` on (Markdown bodies), so offsets map without alignment.
    """

    value: Any
    start: int
    end: int
    style: str | None = None
    verbatim: bool = False
    key_start: int | None = None
    _offsets: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def kind(self) -> str:
        """One of "mapping", "sequence", "text", "number", "bool", "null"."""
        v = self.value
        if isinstance(v, dict):
            return "mapping"
        if isinstance(v, list):
            return "sequence"
        if isinstance(v, bool):
            return "bool"
        if isinstance(v, (int, float)):
            return "number"
        if v is None:
            return "null"
        return "text"

    def plain(self) -> Any:
        """The value as plain Python data (no Nodes)."""
        if isinstance(self.value, dict):
            return {k: n.plain() for k, n in self.value.items()}
        if isinstance(self.value, list):
            return [n.plain() for n in self.value]
        return self.value

    def source_index(self, source: str, offset: int) -> int:
        """Map character `offset` of this scalar's string value to an index in `source`."""
        if self.verbatim:
            return self.start + offset
        if self._offsets is None:
            self._offsets = _align(str(self.value), source, self.start, self.end)
        if not self._offsets:
            return self.start
        offset = max(0, min(offset, len(self._offsets) - 1))
        return self._offsets[offset]


def _align(value: str, source: str, start: int, end: int) -> list[int]:
    """Find, for each character of `value`, its index in source[start:end].

    Quoting, escapes, block indentation and line folding mean the value is not a plain
    substring of the source; a greedy walk that skips unmatched source characters recovers
    the mapping for everything a human would point at. The list has one extra entry for
    the end of the value.
    """
    offsets: list[int] = []
    pos = start
    if end <= start:
        end = len(source)
    for ch in value:
        if ch.isspace():
            probe, limit = pos, min(end, pos + 64)
            while probe < limit and not source[probe].isspace():
                probe += 1
            if probe < limit:
                pos = probe
                offsets.append(pos)
                pos += 1
                while ch == "\n" and pos < end and source[pos] in " \t":
                    pos += 1
                continue
            offsets.append(pos)
            continue
        found = source.find(ch, pos, min(end, pos + 64))
        if found == -1:
            offsets.append(pos)
            continue
        offsets.append(found)
        pos = found + 1
    offsets.append(pos)
    return offsets
