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

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import ahocorasick_rs

from vplint.lazyre import lazy
from vplint.text.branches import cut_to
from vplint.text.lexicon import Lexicon, Match, term_order
from vplint.text.needed import needed_fragments
from vplint.text.terms import (
    DIGIT,
    START,
    literal_prefix,
    lower_pattern,
    regex_prefixes,
    term_pattern,
    without_ignorecase,
)

if TYPE_CHECKING:
    from vplint.text.lexicon import Compiled


_DIGITS = lazy(r"\d")
_RUN_DIGITS = lazy(r"(?<!\d)\d")
_NOT_AFTER_DIGIT = lazy(r"(?:\(\?:)?\(\?<!(?:\\d|\[(?!\^)(?:\\[^d]|[^\]\\])*\\d"
                        r"(?:\\.|[^\]\\])*\])\)")
"""A term pattern beginning with a look-behind that rules out a digit before it."""


class Scanner:
    """Where every term of a set of lexicons may start, found in one pass per document.

    Candidates are stored per *key*: a prefix string, or one of two pseudo-keys for the
    terms anchored at the start of a text and the terms searched with their own pattern.
    `term_keys[k]` lists the keys of term k, so a lexicon's candidates in a text are the
    positions stored under its terms' keys.
    """

    def __init__(self, lexicons: Mapping[str, Lexicon]) -> None:
        # In the order every lexicon's pattern tries its terms (vplint.text.lexicon).
        terms = sorted({t for lex in lexicons.values() for items in lex.terms.values()
                        for t in items if t and t.strip()}, key=term_order)
        self.terms = terms
        self.index = {t: k for k, t in enumerate(terms)}
        prefixes: list[str] = []
        position: dict[str, int] = {}
        firsts_of: list[frozenset[str] | None] = []
        for term in terms:
            firsts = (regex_prefixes(term[3:]) if term.startswith("re:")
                      else _one(literal_prefix(term)))
            if firsts is not None and _dense(firsts):
                firsts = None  # cheaper found by the regex engine than confirmed in Python
            firsts_of.append(firsts)
            for prefix in firsts or ():
                if prefix not in (START, DIGIT) and prefix not in position:
                    position[prefix] = len(prefixes)
                    prefixes.append(prefix)
        self.prefixes = prefixes
        unbounded = {prefix for term, firsts in zip(terms, firsts_of, strict=True)
                     if not _after_non_letter(term) for prefix in firsts or ()}
        self.bounded = [prefix not in unbounded for prefix in prefixes]
        """Per prefix: True when every term beginning with it matches only after a
        character that is not an ASCII letter (or at the start of a text)."""
        self.start_key = len(prefixes)
        """The key of candidates where a text begins (terms anchored with "^")."""
        self.search_key = len(prefixes) + 1
        """The key of candidates found by searching with the terms' own patterns."""
        self.digit_key = len(prefixes) + 2
        """The key of candidates at decimal digits (terms beginning with `\\d`)."""
        self.run_key = len(prefixes) + 3
        """The key of candidates at the first digit of a run: the terms beginning with
        `\\d` that also begin with a look-behind ruling out a digit before them."""
        self.term_keys: list[tuple[int, ...]] = []
        self.searched: list[int] = []
        """Terms looked for with their own pattern (no usable prefixes)."""
        for k, firsts in enumerate(firsts_of):
            if firsts is None:
                self.searched.append(k)
                self.term_keys.append((self.search_key,))
                continue
            digit = self.run_key if DIGIT in firsts and _NOT_AFTER_DIGIT.match(
                term_pattern(terms[k])) else self.digit_key
            special = {START: self.start_key, DIGIT: digit}
            self.term_keys.append(tuple(sorted(
                special[p] if p in special else position[p] for p in firsts)))
        self.digits = any(self.digit_key in keys for keys in self.term_keys)
        self.runs = any(self.run_key in keys for keys in self.term_keys)
        # A prefix of ASCII letters whose terms all need a non-letter before them is
        # looked for with a mark for "not after a letter" in front, in a copy of the text
        # where every other character is that mark: it is never found inside a word,
        # where two thirds of the short prefixes' occurrences ("a", "or", "in") are.
        words = [k for k, prefix in enumerate(prefixes)
                 if self.bounded[k] and _ASCII_WORD.fullmatch(prefix)]
        in_words = set(words)
        others = [k for k in range(len(prefixes)) if k not in in_words]
        self.word_keys = words
        """Keys looked for in the marked copy, by their place in `word_automaton`."""
        self.other_keys = others
        """Keys looked for in the lower-cased text, by their place in `automaton`."""
        self.word_automaton = ahocorasick_rs.AhoCorasick(
            [_MARK + prefixes[k] for k in words]) if words else None
        self.automaton = ahocorasick_rs.AhoCorasick(
            [prefixes[k] for k in others]) if others else None
        self._searchers: list[Callable[[str, int], re.Match[str] | None]] | None = None
        self._needs = [needed_fragments(self.terms[k][3:]) if self.terms[k].startswith("re:")
                       else None for k in self.searched]
        """Per searched term: fragments one of which its every match holds, or None."""
        self._keys: dict[int, tuple[Compiled, dict[int, list[int]] | None]] = {}
        self._start_needs = _needs_finder(terms[k] for k in key_terms_of(
            self.term_keys, self.start_key))
        """`finditer` of the fragments one of the terms anchored at a text's start needs, or
        None: a text holding none is no candidate (a 13-way alternation tried after up
        to 30 characters, at the start of every text, was the costliest candidate)."""
        self.lexicons = dict(lexicons)
        self.names = list(self.lexicons)
        """The lexicons' names; `key_lexicons` and `term_lexicons` hold positions in it."""
        key_terms: list[list[int]] = [[] for _ in range(self.run_key + 1)]
        for k, keys in enumerate(self.term_keys):
            for key in keys:
                key_terms[key].append(k)
        self.key_terms = [tuple(ks) for ks in key_terms]
        """key -> the terms stored under it, in term order."""
        term_lexicons: list[set[int]] = [set() for _ in terms]
        for n, lex in enumerate(self.lexicons.values()):
            for items in lex.terms.values():
                for t in items:
                    k = self.index.get(t)
                    if k is not None:
                        term_lexicons[k].add(n)
        self.term_lexicons = [tuple(sorted(ns)) for ns in term_lexicons]
        """term -> the lexicons it belongs to."""
        self.key_lexicons = [tuple(sorted(set().union(*(term_lexicons[k] for k in ks))))
                             for ks in self.key_terms]
        """key -> the lexicons with a term under it."""
        self.partial = [tuple(n for n in owners if any(n not in term_lexicons[k] for k in ks))
                        for owners, ks in zip(self.key_lexicons, self.key_terms, strict=True)]
        """key -> the lexicons holding some but not all of its terms."""
        self.exact = not any(_grouped(t) for t in terms)
        """False when a term names or numbers its groups: `hits` cannot put it in a
        pattern of other terms, and the lexicons are scanned one by one instead."""
        self._key_patterns: list[Callable[[str, int], re.Match[str] | None] | None] = \
            [None] * len(key_terms)
        self._alone: dict[str, Callable[[str, int], re.Match[str] | None]] = {}
        self._every_patterns: dict[int, tuple[Callable[[str, int], re.Match[str] | None],
                                              list[tuple[int, int]]]] = {}

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
        if lows:
            joined = "\x00".join(lows)
            bounds = []
            end = -1
            for low in lows:
                end += len(low) + 1
                bounds.append(end)  # where the text ends (its NUL)
            if self.automaton is not None:
                self._store(self.automaton.find_matches_as_indexes(joined, overlapping=True),
                            self.other_keys, joined, bounds, out)
            if self.word_automaton is not None:
                # Same length as joined: one character per character ("?" for any other
                # than ASCII), each not an ASCII letter made the mark; a match of
                # mark + prefix at i is the prefix at i in joined, after a non-letter.
                marked = ("\x00" + joined).encode("ascii", "replace").translate(
                    _MARK_ALL_BUT_LETTERS).decode("ascii")
                self._store(self.word_automaton.find_matches_as_indexes(marked, overlapping=True),
                            self.word_keys, None, bounds, out)
            # One pass of each digit pattern over the joined texts: a NUL is no digit,
            # so each text's digits (and first digits of runs) are the same as alone.
            if self.digits:
                _spread([m.start() for m in _DIGITS.finditer(joined)], bounds,
                        self.digit_key, out)
            if self.runs:
                _spread([m.start() for m in _RUN_DIGITS.finditer(joined)], bounds,
                        self.run_key, out)
            if self.searched:
                self._search(joined, lows, out)
            if self._start_needs is None:
                for found in out:
                    found[self.start_key] = [0]
            else:
                # One search over the joined texts (a fragment never spans a NUL).
                for m in self._start_needs(joined):
                    found = out[bisect.bisect_left(bounds, m.start())]
                    found[self.start_key] = [0]
        return out

    def _search(self, joined: str, lows: list[str], out: list[dict[int, list[int]]]) -> None:
        """The candidates of the terms searched with their own pattern, text by text, in
        the texts holding one of the fragments every match of the term needs
        (vplint.text.needed): most terms need a word or a character most documents
        lack ("之王", "better"), and one test of the joined texts rules out every text."""
        searchers = self._search_patterns()
        live = [(search, needs) for search, needs in zip(searchers, self._needs, strict=True)
                if needs is None or any(f in joined for f in needs)]
        if not live:
            return
        for found, low in zip(out, lows, strict=True):
            mine = [search for search, needs in live
                    if needs is None or any(f in low for f in needs)]
            if mine:
                positions = _starts(mine, low)
                if positions:
                    found[self.search_key] = positions

    def _store(self, found: list[tuple[int, int, int]], keys: list[int], joined: str | None,
               bounds: list[int], out: list[dict[int, list[int]]]) -> None:
        """Put an automaton's matches (pattern, start, end in the joined texts) into `out`
        per text, by key; with `joined`, a bounded key's match inside a word is dropped."""
        n, positions_of, limit, offset = 0, out[0], bounds[0], 0
        bounded = self.bounded
        for pattern, a, _ in found:
            key = keys[pattern]
            if joined is not None and bounded[key] and a and joined[a - 1] in _LETTERS:
                continue  # inside a word: none of its terms can start here
            if a >= limit:  # hits come in text order: a prefix never spans a NUL
                while a >= bounds[n]:
                    n += 1
                positions_of, limit, offset = out[n], bounds[n], bounds[n - 1] + 1
            positions = positions_of.get(key)
            if positions is None:
                positions_of[key] = [a - offset]
            else:
                positions.append(a - offset)

    def hits(self, texts: list[str], where: list[dict[int, list[int]]]
             ) -> list[dict[str, list[Match]]]:
        """Every lexicon's matches (its `find` with lang "all") in each text, from the
        candidates `locate` found in their lower-cased forms: per text, lexicon name -> its
        matches, lexicons without a match left out. Needs `exact`, and texts that lower
        safely (vplint.text.lexicon.lowers_safely): the patterns are compiled for them.

        Every lexicon's pattern tries its terms in one order, the term order, so at a
        position a lexicon's match is its first term in that order that matches there.
        At each candidate of a key whose terms all belong to the same lexicons, one
        pattern of those terms (`_key_pattern`) gives the first of them matching there,
        the answer for all those lexicons. Where the key's terms belong to different
        lexicons, one pattern of look-aheads (`_every_pattern`) tells every term that
        matches there, with its end, and each lexicon takes its first. A lexicon's match
        at a position is the first over all keys found there, and its matches are
        walked left to right as `finditer` walks (a position inside the previous match
        is not tried): the matches of a plain scan with the lexicon's pattern, each
        candidate tried once per key.
        """
        out: list[dict[str, list[Match]]] = []
        key_lexicons, partial = self.key_lexicons, self.partial
        key_patterns, every, term_lexicons = self._key_patterns, self._every_patterns, \
            self.term_lexicons
        for text, located in zip(texts, where, strict=True):
            best: dict[int, dict[int, tuple[int, int]]] = {}
            for key, positions in located.items():
                owners = key_lexicons[key]
                if not owners:
                    continue
                if partial[key]:
                    found_every = every.get(key) or self._every_pattern(key)
                    match, slots = found_every
                    for at in positions:
                        m = match(text, at)
                        if m is None or m.lastindex is None:
                            continue  # no term of this key matches here
                        values = m.groups()
                        left = len(owners)
                        seen: set[int] = set()
                        for slot, k in slots:
                            value = values[slot]
                            if value is None:
                                continue
                            stop = at + len(value)
                            for n in term_lexicons[k]:
                                if n in seen:
                                    continue
                                seen.add(n)
                                left -= 1
                                mine = best.get(n)
                                if mine is None:
                                    best[n] = {at: (k, stop)}
                                else:
                                    old = mine.get(at)
                                    if old is None or k < old[0]:
                                        mine[at] = (k, stop)
                            if not left:
                                break
                    continue
                first = key_patterns[key] or self._key_pattern(key)
                for at in positions:
                    m = first(text, at)
                    if m is None:
                        continue
                    k = int(m.lastgroup[1:])  # type: ignore[index]
                    found = (k, m.end())
                    for n in owners:
                        mine = best.get(n)
                        if mine is None:
                            best[n] = {at: found}
                        else:
                            old = mine.get(at)
                            if old is None or k < old[0]:
                                mine[at] = found
            out.append({self.names[n]: matches for n, mine in best.items()
                        if (matches := self._walk(n, text, mine))})
        return out

    def _walk(self, n: int, text: str, best: dict[int, tuple[int, int]]) -> list[Match]:
        """Lexicon n's matches from its first term matching at each candidate position,
        walked as `finditer` walks."""
        out: list[Match] = []
        end = 0
        terms = self.terms
        for at in sorted(best):
            if at < end:
                continue
            k, stop = best[at]
            if stop == at:  # pragma: no cover - an empty match: walk as finditer does
                compiled = self.lexicons[self.names[n]].pattern()
                assert compiled is not None
                return Lexicon.matches(compiled, [m for m in compiled.pattern.finditer(text)
                                                  if m.end() > m.start()])
            out.append(Match(at, stop, text[at:stop], terms[k]))
            end = stop
        return out

    def _key_pattern(self, key: int) -> Callable[[str, int], re.Match[str] | None]:
        """`match` of the key's terms in term order, each in a group g<term number>."""
        chosen = self.key_terms[key]
        terms = {k: self._term_at(k, key) for k in chosen}
        if len(chosen) == 1:  # a term under several keys is compiled once
            found = self._alone.get(terms[chosen[0]])
            if found is None:
                found = self._alone[terms[chosen[0]]] = _union(terms, chosen)
        else:
            found = _union(terms, chosen)
        self._key_patterns[key] = found
        return found

    def _term_at(self, k: int, key: int) -> str:
        """Term k as tried at the candidates of `key`: a `re:` term without the branches
        that cannot begin with the key's prefix (vplint.text.branches), which match
        there exactly as the whole term does and compile faster."""
        term = self.terms[k]
        if key >= len(self.prefixes) or not term.startswith("re:"):
            return term
        return "re:" + cut_to(term[3:], self.prefixes[key])

    def _every_pattern(self, key: int) -> tuple[Callable[[str, int], re.Match[str] | None],
                                                list[tuple[int, int]]]:
        """`match` of one optional look-ahead per term of the key, in term order, each
        capturing what its term matches there, and (index in `groups()`, term) of each."""
        chosen = self.key_terms[key]
        pattern = re.compile("".join(f"(?:(?=(?P<g{k}>{_scanned(self._term_at(k, key))}))|)"
                                     for k in chosen), re.IGNORECASE)
        slots = [(pattern.groupindex[f"g{k}"] - 1, k) for k in chosen]
        found = self._every_patterns[key] = (pattern.match, slots)
        return found

    def _search_patterns(self) -> list[Callable[[str, int], re.Match[str] | None]]:
        """`search` of each prefix-less term, one pattern per term: the regex engine
        skips ahead by a term's own first characters, which one look-ahead over all of
        them, tried at every position, could not (a third less time for these terms)."""
        if self._searchers is None:
            self._searchers = [re.compile(caseless_ascii_classes(
                lower_pattern(self.terms[k]))).search for k in self.searched]
        return self._searchers


def _spread(positions: list[int], bounds: list[int], key: int,
            out: list[dict[int, list[int]]]) -> None:
    """Sorted positions in the joined texts, stored under `key` per text (`bounds`: where
    each text's NUL is)."""
    n, limit, offset, mine = 0, bounds[0], 0, None
    for a in positions:
        if a >= limit:
            while a >= bounds[n]:
                n += 1
            limit, offset, mine = bounds[n], bounds[n - 1] + 1, None
        if mine is None:
            mine = out[n][key] = []
        mine.append(a - offset)


def key_terms_of(term_keys: list[tuple[int, ...]], key: int) -> list[int]:
    """The terms stored under `key`."""
    return [k for k, keys in enumerate(term_keys) if key in keys]


def _needs_finder(terms: Iterable[str]) -> Callable[[str], Iterator[re.Match[str]]] | None:
    """`finditer` of the fragments one of which every match of any of `terms` holds in
    lower-cased text (vplint.text.needed); None when some term needs nothing known."""
    fragments: set[str] = set()
    for term in terms:
        needs = needed_fragments(term[3:]) if term.startswith("re:") else None
        if needs is None:
            return None
        fragments |= needs
    if not fragments:
        return None
    return re.compile("|".join(re.escape(f) for f in sorted(
        fragments, key=lambda f: (-len(f), f)))).finditer


def _starts(searchers: list[Callable[[str, int], re.Match[str] | None]], text: str
            ) -> list[int]:
    """Sorted, each once: every position of `text` where one of the patterns matches
    (a match may begin inside another's, so each search goes on one character later)."""
    found: set[int] = set()
    size = len(text)
    for search in searchers:
        at = 0
        while at <= size and (m := search(text, at)) is not None:
            found.add(m.start())
            at = m.start() + 1
    return sorted(found)


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_MARK = "\x01"
_MARK_ALL_BUT_LETTERS = bytes(b if 0x61 <= b <= 0x7A else 1 for b in range(256))
_ASCII_WORD = lazy(r"[a-z]+")
_BEHIND_LETTERS = lazy(r"re:\(\?<!\[(?!\^)([^\]]*)\]\)")
_GROUPS = lazy(r"\\[1-9]|\(\?P[<=]|\(\?\(")


def _after_non_letter(term: str) -> bool:
    """True when every match of the term is preceded by something other than an ASCII
    letter (or nothing): a literal term beginning with a word character, or a `re:` term
    beginning with a look-behind that rules out every ASCII letter."""
    if not term.startswith("re:"):
        return term[0].isascii() and (term[0].isalnum() or term[0] == "_")
    behind = _BEHIND_LETTERS.match(term)
    return behind is not None and "A-Z" in behind.group(1) and "a-z" in behind.group(1)


def _grouped(term: str) -> bool:
    """True when a `re:` term names a group or refers to one by number or name."""
    return term.startswith("re:") and _GROUPS.search(term) is not None


def _union(terms: Mapping[int, str] | list[str], chosen: tuple[int, ...]
           ) -> Callable[[str, int], re.Match[str] | None]:
    """`match` of the chosen terms (ascending term numbers) as one case-insensitive
    pattern, each in a group g<term number>, as a lexicon's pattern holds them."""
    return re.compile("|".join(f"(?P<g{k}>{_scanned(terms[k])})" for k in chosen),
                      re.IGNORECASE).match


def _scanned(term: str) -> str:
    """`term_pattern` as the scanner tries it: only on text that lowers safely, which
    holds none of the characters that IGNORECASE adds to an ASCII letter class, so such
    classes can be compiled without it (`caseless_ascii_classes`)."""
    return caseless_ascii_classes(term_pattern(term))


ASCII_CASED_CLASSES = ("[A-Za-z]", "[A-Za-z0-9]", "[A-Za-z0-9_]", "[A-Za-z-]", "[A-Za-z$]")
"""Classes of ASCII letters in both cases that terms use for word boundaries."""
CASE_SHIFTED = "\u0130\u0131\u017f\u212a"
"""What IGNORECASE adds to each of ASCII_CASED_CLASSES: İ ı ſ and the Kelvin sign (a test
recomputes it over every code point)."""


def caseless_ascii_classes(source: str) -> str:
    """`source` with each of ASCII_CASED_CLASSES matched without IGNORECASE.

    Under IGNORECASE such a class also matches CASE_SHIFTED, which makes `re` fold it
    character by character as it compiles: a term's `(?<![A-Za-z])` and `(?![A-Za-z])`
    cost most of its compile time (600 µs against 170 µs for a typical term). For text
    holding none of CASE_SHIFTED (every text that `lexicon.lowers_safely`) both match
    the same, so a pattern tried only on such text can take this form."""
    return without_ignorecase(source, ASCII_CASED_CLASSES) if "A-Za-z" in source else source


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


DENSE = 3
"""A term that may begin with this many single ASCII characters or more is searched with
its own pattern: each of its candidates would cost a Python-level confirmation, and a term that
can start at any word ("Fast, secure and reliable": any letter) or at any comma, full
stop or digit has hundreds per page, while the regex engine's search rejects most
positions at their first character."""


def _dense(firsts: frozenset[str]) -> bool:
    """Whether a term with these prefixes is searched instead (see DENSE): it may begin
    with DENSE or more ASCII characters or digits, and with nothing longer."""
    return (all(len(p) == 1 or p == DIGIT for p in firsts)
            and sum(p == DIGIT or p.isascii() for p in firsts) >= DENSE)


def _one(prefix: str | None) -> frozenset[str] | None:
    return None if prefix is None else frozenset((prefix,))
