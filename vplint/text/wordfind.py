"""Whole ASCII words of a fixed set, found in a text with one Aho-Corasick pass.

`re` has no fast way to find any of a hundred words: an alternation is tried word by word
at every position, and `[A-Za-z]+` followed by a set look-up pays Python for every word
of the text. A `WordFinder` looks for the words in the text's lower case with one
automaton (ahocorasick_rs) and keeps a match only where it is a whole run of ASCII
letters - exactly the runs `[A-Za-z]+` yields whose lower case is in the set.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick_rs

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_SHIFTING = frozenset("\u0130\u212a")
"""The only characters whose lower case is not one character or is an ASCII letter
although they are not one (İ, the Kelvin sign): a text holding one is not read this way.
A test recomputes this set over every code point."""


class WordFinder:
    """Where the words (lower-case ASCII letters) occur as whole runs of ASCII letters,
    ignoring ASCII case, and where each of `marks` (strings without ASCII letters) occurs."""

    def __init__(self, words: Iterable[str], marks: Iterable[str] = ()) -> None:
        keys = sorted(set(words)) + sorted(set(marks))
        if not all(w.isascii() and w.isalpha() and w.islower() for w in set(words)):
            raise ValueError("words must be lower-case ASCII letters")
        if any(set(m.lower()) & _LETTERS for m in marks):
            raise ValueError("marks may not hold ASCII letters")
        self._automaton = ahocorasick_rs.AhoCorasick(
            keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def find(self, text: str) -> list[tuple[int, int]] | None:
        """[start, end) of every word (a whole run of letters) and mark, in text order;
        None for a text whose lower case would shift or invent letters (see _SHIFTING),
        which the caller then reads its own way."""
        if not text.isascii() and not _SHIFTING.isdisjoint(text):
            return None
        low = text.lower()
        size = len(low)
        out = []
        for _, a, b in self._automaton.find_matches_as_indexes(low):
            # a match inside a longer run of letters is not a word of the set
            if low[a] in _LETTERS and (a and low[a - 1] in _LETTERS
                                       or b < size and low[b] in _LETTERS):
                continue
            out.append((a, b))
        return out
