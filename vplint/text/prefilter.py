"""The matches of a few regexes in a text, tried only where a match can begin.

A rule that runs a list of regexes (matched ignoring case) over every text pays for each
regex at every character, and a regex that begins with a look-behind defeats the regex
engine's own skip to candidate positions. `Prefilter` reads, once, the strings one of
which every match of each regex begins with (`vplint.text.terms.regex_prefixes`), finds
all of them in a text with one Aho-Corasick pass over its lower case, and tries each
regex only at its own candidates, left to right as `finditer` walks, so the matches are
exactly `finditer`'s. A regex whose beginnings cannot be told runs over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import ahocorasick_rs

from vplint.text.terms import DIGIT, START, regex_prefixes

_DIGIT = re.compile(r"\d")
_CASE_SHIFTING = re.compile("[\u0130\u0131\u017f]")
"""The characters that `re` matches to an ASCII letter ignoring case although their
`str.lower()` is not one ASCII letter (İ ı ſ; İ is also the only character whose lower
case is two characters long, which would shift positions): a text holding one is scanned
whole. A test recomputes this set over every code point."""


class Prefilter:
    """Every match of `patterns` (compiled ignoring case) in a text, found cheaply."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        whole: set[int] = set()
        digits: list[int] = []
        prefixes: dict[str, list[int]] = {}
        for index, pattern in enumerate(self.patterns):
            firsts = regex_prefixes(pattern.pattern)
            if firsts is None or START in firsts:
                whole.add(index)
                continue
            for prefix in sorted(firsts):
                if prefix == DIGIT:
                    digits.append(index)
                else:
                    prefixes.setdefault(prefix, []).append(index)
        self.whole = frozenset(whole)
        """Patterns always run over the whole text (no known beginnings)."""
        self.digits = tuple(digits)
        keys = list(prefixes)
        self.owners = [tuple(prefixes[k]) for k in keys]
        self.automaton = ahocorasick_rs.AhoCorasick(keys) if keys else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        """Each pattern's `finditer(text, pos, endpos)` matches, pattern after pattern."""
        end = len(text) if endpos is None else max(pos, min(endpos, len(text)))
        window = text[pos:end] if pos or end < len(text) else text
        if len(self.whole) == len(self.patterns) or _CASE_SHIFTING.search(window):
            for pattern in self.patterns:
                yield from pattern.finditer(text, pos, end)
            return
        starts: dict[int, list[int]] = {}
        if self.automaton is not None:
            owners = self.owners
            for key, at, _ in self.automaton.find_matches_as_indexes(window.lower(),
                                                                     overlapping=True):
                for index in owners[key]:
                    starts.setdefault(index, []).append(pos + at)
        if self.digits:
            at_digits = [pos + m.start() for m in _DIGIT.finditer(window)]
            if at_digits:
                for index in self.digits:
                    starts.setdefault(index, []).extend(at_digits)
        for index, pattern in enumerate(self.patterns):
            if index in self.whole:
                yield from pattern.finditer(text, pos, end)
            elif index in starts:
                yield from _walk(pattern, text, sorted(set(starts[index])), pos, end)


def _walk(pattern: re.Pattern[str], text: str, candidates: list[int], pos: int, end: int
          ) -> list[re.Match[str]]:
    """`pattern.finditer(text, pos, end)` when every match starts at one of `candidates`:
    the leftmost match at or after where the last one ended is the first candidate there
    that matches. An empty match (which `finditer` steps over its own way) falls back."""
    found: list[re.Match[str]] = []
    reached = pos
    for at in candidates:
        if at < reached:
            continue
        match = pattern.match(text, at, end)
        if match is None:
            continue
        if match.end() == at:
            return list(pattern.finditer(text, pos, end))
        found.append(match)
        reached = match.end()
    return found
