"""Every lexicon term of every language located in one pass over a document's texts.

A `Scanner` is built once for a set of lexicons. For each term it knows the strings one of
which every match must begin with (its *prefixes*): a literal term's first word, a `re:`
term's leading literals, found by a small reader of regex syntax (no private internals of
`re`). One Aho-Corasick automaton (ahocorasick_rs) over every prefix of every term finds
all their occurrences in a single pass over the lower-cased texts; a term without usable
prefixes (it begins with `.`, `\\w`, a large class...) is looked for with its own pattern
instead. The result, per text, is where each term may start.

`Lexicon`'s compiled pattern then confirms those candidates (`Compiled.scan_located`):
first the term's own pattern at each of its candidates, then the lexicon's combined
pattern, walked left to right exactly as `finditer` walks, so the matches are the same as
a plain scan of the text - only the positions that cannot match are never tried. A test
compares both on the rule examples, the corpora and generated text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import ahocorasick_rs

from vplint.text.terms import DIGIT, START, literal_prefix, lower_pattern, regex_prefixes

if TYPE_CHECKING:
    from vplint.text.lexicon import Compiled, Lexicon


_DIGITS = re.compile(r"\d")


class Scanner:
    """Where every term of a set of lexicons may start, found in one pass per document.

    Candidates are stored per *key*: a prefix string, or one of two pseudo-keys for the
    terms anchored at the start of a text and the terms searched with their own pattern.
    `term_keys[k]` lists the keys of term k, so a lexicon's candidates in a text are the
    positions stored under its terms' keys.
    """

    def __init__(self, lexicons: Mapping[str, Lexicon]) -> None:
        terms = sorted({t for lex in lexicons.values() for items in lex.terms.values()
                        for t in items if t and t.strip()})
        self.terms = terms
        self.index = {t: k for k, t in enumerate(terms)}
        prefixes: list[str] = []
        position: dict[str, int] = {}
        firsts_of: list[frozenset[str] | None] = []
        for term in terms:
            firsts = (regex_prefixes(term[3:]) if term.startswith("re:")
                      else _one(literal_prefix(term)))
            firsts_of.append(firsts)
            for prefix in firsts or ():
                if prefix not in (START, DIGIT) and prefix not in position:
                    position[prefix] = len(prefixes)
                    prefixes.append(prefix)
        self.prefixes = prefixes
        self.start_key = len(prefixes)
        """The key of candidates where a text begins (terms anchored with "^")."""
        self.search_key = len(prefixes) + 1
        """The key of candidates found by searching with the terms' own patterns."""
        self.digit_key = len(prefixes) + 2
        """The key of candidates at decimal digits (terms beginning with `\\d`)."""
        special = {START: self.start_key, DIGIT: self.digit_key}
        self.term_keys: list[tuple[int, ...]] = []
        self.searched: list[int] = []
        """Terms looked for with their own pattern (no usable prefixes)."""
        for k, firsts in enumerate(firsts_of):
            if firsts is None:
                self.searched.append(k)
                self.term_keys.append((self.search_key,))
                continue
            self.term_keys.append(tuple(sorted(
                special[p] if p in special else position[p] for p in firsts)))
        self.digits = any(self.digit_key in keys for keys in self.term_keys)
        self.automaton = ahocorasick_rs.AhoCorasick(prefixes) if prefixes else None
        self._searcher: re.Pattern[str] | None = None
        self._keys: dict[int, tuple[Compiled, dict[int, list[int]] | None]] = {}

    def keys_for(self, compiled: Compiled) -> dict[int, list[int]] | None:
        """`keys_of(compiled.terms)`, remembered per compiled pattern."""
        found = self._keys.get(id(compiled))
        if found is None or found[0] is not compiled:
            found = self._keys[id(compiled)] = (compiled, self.keys_of(compiled.terms))
        return found[1]

    def keys_of(self, terms: tuple[str, ...]) -> dict[int, list[int]] | None:
        """key -> the positions in `terms` of the terms stored under it (None: a term this
        scanner does not know)."""
        out: dict[int, list[int]] = {}
        for local, term in enumerate(terms):
            k = self.index.get(term)
            if k is None:
                return None
            for key in self.term_keys[k]:
                out.setdefault(key, []).append(local)
        return out

    def locate(self, lows: list[str]) -> list[dict[int, list[int]]]:
        """For each lower-cased text: key -> positions where a term of that key may start."""
        out: list[dict[int, list[int]]] = [{} for _ in lows]
        if self.automaton is not None and lows:
            joined = "\x00".join(lows)
            bounds = []
            end = -1
            for low in lows:
                end += len(low) + 1
                bounds.append(end)  # where the text ends (its NUL)
            n, found, limit, offset = 0, out[0], bounds[0], 0
            for key, a, _ in self.automaton.find_matches_as_indexes(joined, overlapping=True):
                if a >= limit:  # hits come in text order: a prefix never spans a NUL
                    while a >= bounds[n]:
                        n += 1
                    found, limit, offset = out[n], bounds[n], bounds[n - 1] + 1
                positions = found.get(key)
                if positions is None:
                    found[key] = [a - offset]
                else:
                    positions.append(a - offset)
        for found, low in zip(out, lows, strict=True):
            found[self.start_key] = [0]
            if self.digits:
                positions = [m.start() for m in _DIGITS.finditer(low)]
                if positions:
                    found[self.digit_key] = positions
        if self.searched:
            searcher = self._search_pattern()
            for found, low in zip(out, lows, strict=True):
                positions = [m.start() for m in searcher.finditer(low)]
                if positions:
                    found[self.search_key] = positions
        return out

    def _search_pattern(self) -> re.Pattern[str]:
        """Every position where some prefix-less term matches (a zero-width search)."""
        if self._searcher is None:
            self._searcher = re.compile("(?=" + "|".join(
                lower_pattern(self.terms[k]) for k in self.searched) + ")")
        return self._searcher


_SCANNERS: dict[tuple, Scanner] = {}


def scanner_for(lexicons: Mapping[str, Lexicon]) -> Scanner:
    """The Scanner of these lexicons, built once while their terms stay the same."""
    key = tuple((name, id(lex), lex.version) for name, lex in lexicons.items())
    found = _SCANNERS.get(key)
    if found is None:
        if len(_SCANNERS) >= 8:  # registries built by tests: keep the newest few
            _SCANNERS.pop(next(iter(_SCANNERS)))
        found = _SCANNERS[key] = Scanner(lexicons)
    return found


def _one(prefix: str | None) -> frozenset[str] | None:
    return None if prefix is None else frozenset((prefix,))
