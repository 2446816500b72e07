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

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cache

import ahocorasick_rs

from vplint.lazyre import lazy
from vplint.text.needed import needed_fragments
from vplint.text.terms import DIGIT, START, regex_prefixes

_DIGIT = lazy(r"\d")
_CASE_SHIFTING = lazy("[\u0130\u0131\u017f]")
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
        self.keys = tuple(keys)
        """The prefixes the automaton looks for; `owners[k]` are the patterns of keys[k]."""
        self.owners = [tuple(prefixes[k]) for k in keys]
        self.automaton = ahocorasick_rs.AhoCorasick(keys) if keys else None

    def may_match(self, text: str) -> bool:
        """False when no pattern can match in `text` nor in any slice of it (no match
        can begin anywhere: none of the patterns' beginnings occurs in it)."""
        if self.whole or _CASE_SHIFTING.search(text):
            return True
        if self.digits and _DIGIT.search(text):
            return True
        return self.automaton is not None and bool(
            self.automaton.find_matches_as_indexes(text.lower()))

    def spots(self, text: str) -> list[tuple[int, int]] | None:
        """Sorted [start, end) of every occurrence of a pattern's beginning in `text`: a
        match in any slice of the text holds one whole. None when that cannot be told
        (a pattern without known beginnings, a case-shifting character)."""
        if self.whole or _CASE_SHIFTING.search(text):
            return None
        found: list[tuple[int, int]] = []
        if self.automaton is not None:
            found = [(a, b) for _, a, b in self.automaton.find_matches_as_indexes(
                text.lower(), overlapping=True)]
        if self.digits:
            found.extend((m.start(), m.end()) for m in _DIGIT.finditer(text))
        found.sort()
        return found

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


class PrefilterSet:
    """Which of several `Prefilter`s can find anything in a text, told by one pass for all.

    Rules that each run their own `Prefilter` over every text of a document mostly find
    nothing (each text is read once per rule to learn that). A set reads each text once
    with one automaton of every member's prefixes and answers with a bit mask of the
    members that may match there; a member whose bit is clear finds nothing in that text,
    so its `finditer` need not run. Members are kept by their patterns, so the same
    patterns (a rule loaded again) share one member.
    """

    def __init__(self) -> None:
        self._members: dict[tuple[tuple[str, int], ...], int] = {}
        self._prefilters: list[Prefilter] = []
        self._automaton: ahocorasick_rs.AhoCorasick | None = None
        self._masks: list[int] = []
        self._always = 0
        self._digits = 0
        self._needless = 0
        self._member_bits: list[int] = []
        self._needs: list[int] = []
        self._needed: ahocorasick_rs.AhoCorasick | None = None
        self._built = True
        self.version = 0
        """Changes whenever a member is added (a mask computed before is then stale)."""

    def add(self, prefilter: Prefilter) -> int:
        """The member number (its bit in `able`'s mask) of a Prefilter's patterns."""
        key = tuple((p.pattern, p.flags) for p in prefilter.patterns)
        index = self._members.get(key)
        if index is None:
            index = self._members[key] = len(self._prefilters)
            self._prefilters.append(prefilter)
            self.version += 1
            self._built = False
        return index

    def _build(self) -> None:
        # Bits per pattern (not per member): a member may match where one of its patterns
        # has both one of its beginnings and one of the fragments it needs.
        masks: dict[str, int] = {}
        inside: dict[str, int] = {}  # the patterns that may match inside a word
        needs: dict[str, int] = {}
        self._always = self._digits = self._needless = 0
        self._member_bits = []
        first = 0
        for member in self._prefilters:
            bits = ((1 << len(member.patterns)) - 1) << first
            self._member_bits.append(bits)
            for k, pattern in enumerate(member.patterns):
                bit = 1 << (first + k)
                if k in member.whole:
                    self._always |= bit
                if k in member.digits:
                    self._digits |= bit
                fragments = (needed_fragments(pattern.pattern)
                             if not pattern.flags & re.VERBOSE else None)
                if fragments is None:
                    self._needless |= bit
                for fragment in fragments or ():
                    needs[fragment] = needs.get(fragment, 0) | bit
            for prefix, owners in zip(member.keys, member.owners, strict=True):
                for k in owners:
                    bit = 1 << (first + k)
                    masks[prefix] = masks.get(prefix, 0) | bit
                    if not after_non_letter(member.patterns[k].pattern):
                        inside[prefix] = inside.get(prefix, 0) | bit
            first += len(member.patterns)
        self._masks = list(masks.values())
        self._inside = [inside.get(prefix, 0) for prefix in masks]
        self._automaton = ahocorasick_rs.AhoCorasick(list(masks)) if masks else None
        self._needs = list(needs.values())
        self._needed = ahocorasick_rs.AhoCorasick(list(needs)) if needs else None
        self._built = True

    def able(self, text: str) -> int:
        """A bit mask of the members whose `finditer(text)` may find a match (a clear
        bit: it finds none)."""
        if not self._built:
            self._build()
        if _CASE_SHIFTING.search(text):
            return (1 << len(self._prefilters)) - 1
        begun = self._always
        if self._digits and _DIGIT.search(text):
            begun |= self._digits
        low = text.lower()
        if self._automaton is not None:
            masks, inside = self._masks, self._inside
            for key, at, _ in self._automaton.find_matches_as_indexes(low, overlapping=True):
                begun |= inside[key] if at and low[at - 1] in _LETTERS else masks[key]
        if not begun:
            return 0
        held = self._needless
        if begun & ~held and self._needed is not None:
            needs = self._needs
            for key in {key for key, _, _ in self._needed.find_matches_as_indexes(
                    low, overlapping=True)}:
                held |= needs[key]
        both = begun & held
        if not both:
            return 0
        return sum(1 << index for index, bits in enumerate(self._member_bits) if both & bits)


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_NOT_AFTER_LETTER = lazy(r"\(\?<!\[(?!\^)[^\]\\]*\]\)")


@cache
def after_non_letter(source: str) -> bool:
    """True when no match of the regex `source` can follow an ASCII letter (either case):
    it opens with a look-behind that rules out A-Z and a-z, and that look-behind governs
    every alternative (no `|` outside parentheses)."""
    known = _AFTER_NON_LETTER.get(source)
    if known is None:
        known = _AFTER_NON_LETTER[source] = _read_after_non_letter(source)
    return known


_AFTER_NON_LETTER: dict[str, bool] = {}
"""`after_non_letter` answers: `PrefilterSet` asks again for every member at each build."""


def _read_after_non_letter(source: str) -> bool:
    behind = _NOT_AFTER_LETTER.match(source)
    if behind is None or not ("A-Z" in behind.group() and "a-z" in behind.group()):
        return False
    depth, escaped, in_class = 0, False, False
    for char in source[behind.end():]:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


def holds_spot(spots: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of `Prefilter.spots` lies whole within [start, end)."""
    i = bisect.bisect_left(spots, (start, start))
    while i < len(spots) and spots[i][0] < end:
        if spots[i][1] <= end:
            return True
        i += 1
    return False


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
