"""Term lists (lexicons) compiled into one pattern each, matching CJK terms without word
boundaries and English terms with ASCII-only boundaries.

Python's `\\b` treats CJK ideographs as word characters, so "AI赋能" has no boundary
between "I" and "赋"; explicit ASCII look-arounds give the right answer in mixed text.

Speed: the combined pattern with one named group per term is what defines a match (at each
position the first term in order that matches wins), but scanning text with it is slow:
Python's regex engine saves every group's marks at every alternative at every position, and
case-insensitive literals rule out its first-character skip. So once a lexicon has been
used a few times, text is scanned with equivalent patterns on the lower-cased text, without
groups: the literal terms alone (which the engine skips through by first character) or,
only when the text holds a fragment that every match of some `re:` term must contain, all
the terms. The named pattern then runs at each hit alone to say which term matched. Text
where lower-casing is not equivalent to case-insensitive matching (a few Greek, Cyrillic
and Turkish letters) is scanned with the named pattern itself, so results never differ.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from vplint.lazyre import lazy
from vplint.text.terms import DIGIT, START, lower_pattern, regex_prefixes, term_pattern

LANGS = ("en", "zh")
__all__ = ["LANGS", "Compiled", "Lexicon", "Match", "TextBatch", "compile_terms",
           "lower_pattern", "lowers_safely", "term_pattern"]


@dataclass(frozen=True)
class Match:
    """One lexicon hit inside a string: [start, end) and the matched text."""

    start: int
    end: int
    text: str
    term: str


# Letters that case-insensitive matching pairs with letters other than their lower case
# (re/_casefix.py), plus the two whose lower case changes length or becomes ASCII.
_CASE_UNSAFE = lazy("[\u0130\u212a\u00b5\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5"
                          "\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1"
                          "\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e\u0441\u0442\u044a"
                          "\u0463\u1c80-\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06]")


FAST_AFTER = 16
"""Scans made with the named pattern before the fast scanners are built, so that a run over
a file or two does not pay for compiling them."""


class _Fast(NamedTuple):
    """The scanners for lower-cased text (see the module docstring)."""

    whole: re.Pattern[str]
    """Every term, in order, without groups."""
    literal: re.Pattern[str] | None
    """Only the literal terms (None: there are none)."""
    has_regex: bool
    anchors: re.Pattern[str] | None
    """The `re:` terms can only match text where this matches (None: any text)."""
    regexes: tuple[str, ...]
    """The `re:` terms' patterns for lower-cased text, in order."""
    term_anchors: tuple[tuple[str, ...] | re.Pattern[str] | None, ...]
    """Per `re:` term, what text it can match must contain: one of a few fragments, or a
    match of a pattern of many (None: any text)."""
    split: bool
    """True when no `re:` term can match the empty string, so that a text can be scanned
    with the literal terms and the possible `re:` terms separately (see `_merged`)."""


CHECK_OVER = 8
"""Candidates of one prefix in one text past which each term's own pattern is tried first
(cheaper than the combined pattern at every position of a common prefix)."""

SUBSETS = 64
"""Patterns of `re:` term subsets kept per lexicon (past that, the whole pattern is used)."""


def lowers_safely(text: str) -> bool:
    """True when matching text.lower() case-sensitively equals matching text ignoring case."""
    return text.isascii() or (not _CASE_UNSAFE.search(text) and len(text.lower()) == len(text))


class TextBatch:
    """Texts prepared once to be scanned by many lexicons: lower-cased and joined with NUL.

    NUL matches no term and, like the end of a text, is not a word character, so a literal
    scan of the joined text finds exactly what scanning the texts one by one finds.
    """

    __slots__ = ("texts", "safe", "unsafe", "lows", "joined", "starts")

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.safe = [i for i, t in enumerate(texts) if t and lowers_safely(t)]
        """Indexes of the texts scanned in `joined`."""
        self.unsafe = [i for i, t in enumerate(texts) if t and not lowers_safely(t)]
        self.lows = [texts[i].lower() for i in self.safe]
        self.joined = "\x00".join(self.lows)
        self.starts = [0]
        for low in self.lows[:-1]:
            self.starts.append(self.starts[-1] + len(low) + 1)


class Compiled:
    """A combined pattern and the terms its numbered groups stand for."""

    __slots__ = ("_pattern", "terms", "_fast", "_scans", "_subsets", "_checks")

    def __init__(self, pattern: re.Pattern[str] | None, terms: tuple[str, ...]) -> None:
        self._pattern = pattern
        self.terms = terms
        self._fast: _Fast | None | bool = None  # False: this pattern has no fast form
        self._scans = 0
        self._subsets: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._checks: list | None = None  # type: ignore[type-arg]

    @property
    def pattern(self) -> re.Pattern[str]:
        """The combined pattern, one group t<i> per term, compiled when first needed (a
        document's lexicon hits are found without it, vplint.text.multiscan)."""
        pattern = self._pattern
        if pattern is None:
            pattern = self._pattern = re.compile("|".join(
                f"(?P<t{i}>{term_pattern(t)})" for i, t in enumerate(self.terms)),
                re.IGNORECASE)
        return pattern

    def prepare(self) -> None:
        """Build the fast scanners now (before worker processes fork, say)."""
        if self._fast is None:
            self._fast = _fast(self.terms) or False

    def scan(self, text: str) -> list[re.Match[str]]:
        """The named pattern's matches in `text` (empty ones dropped), found fast."""
        fast = self._fast
        if fast is None:
            self._scans += 1
            if self._scans <= FAST_AFTER:
                return self._slow(text)
            self.prepare()
            fast = self._fast
        if not fast or not lowers_safely(text):
            return self._slow(text)
        assert isinstance(fast, _Fast)
        low = text.lower()
        if fast.has_regex and (fast.anchors is None or fast.anchors.search(low)):
            return self._with_regexes(fast, text, low)
        if fast.literal is not None:
            # no `re:` term can match here: the literal terms alone find the same
            return self._named(text, fast.literal.finditer(low))
        return []

    def _with_regexes(self, fast: _Fast, text: str, low: str) -> list[re.Match[str]]:
        """Scan a text in which some `re:` term may match."""
        if not fast.split:
            return self._named(text, fast.whole.finditer(low))
        possible = tuple(k for k, anchors in enumerate(fast.term_anchors) if anchors is None
                         or (any(a in low for a in anchors) if isinstance(anchors, tuple)
                             else anchors.search(low)))
        if not possible:
            return self._named(text, fast.literal.finditer(low)) if fast.literal else []
        regex = self._subsets.get(possible)
        if regex is None:
            if len(self._subsets) >= SUBSETS:
                return self._named(text, fast.whole.finditer(low))
            regex = self._subsets[possible] = re.compile(
                "|".join(fast.regexes[k] for k in possible))
        return self._merged(text, low, fast.literal, regex)

    def _merged(self, text: str, low: str, literal: re.Pattern[str] | None,
                regex: re.Pattern[str]) -> list[re.Match[str]]:
        """What scanning with every term finds, from the literal terms and the `re:` terms
        that can match here scanned separately: at each step the leftmost of the two next
        hits wins, and where both start together the named pattern says which term comes
        first. (Terms that cannot match in this text never win anywhere in it.)"""
        out: list[re.Match[str]] = []
        lit = literal.search(low) if literal is not None else None
        rex = regex.search(low)
        while lit is not None or rex is not None:
            if rex is None or (lit is not None and lit.start() <= rex.start()):
                start = lit.start()  # type: ignore[union-attr]
            else:
                start = rex.start()
            named = self.pattern.match(text, start)
            if named is None or named.end() <= start:  # pragma: no cover - a safety net
                return self._slow(text)
            out.append(named)
            end = named.end()
            if lit is not None and lit.start() < end:
                lit = literal.search(low, end)  # type: ignore[union-attr]
            if rex is not None and rex.start() < end:
                rex = regex.search(low, end)
        return out

    def scan_batch(self, batch: TextBatch) -> list[list[re.Match[str]]]:
        """`scan` of each text of the batch, with the literal terms and the `re:` fragments
        looked for in all of them at once: the Python work is per hit, not per text."""
        texts = batch.texts
        fast = self._fast
        if fast is None:
            self._scans += len(texts)
            if self._scans <= FAST_AFTER:
                return [self._slow(t) if t else [] for t in texts]
            self.prepare()
            fast = self._fast
        if not fast:
            return [self._slow(t) if t else [] for t in texts]
        assert isinstance(fast, _Fast)
        out: list[list[re.Match[str]]] = [[] for _ in texts]
        for i in batch.unsafe:
            out[i] = self._slow(texts[i])
        if not batch.safe:
            return out
        joined, starts, safe = batch.joined, batch.starts, batch.safe
        maybe_regex: set[int] = set()
        if fast.has_regex:
            if fast.anchors is None:
                maybe_regex = set(range(len(safe)))
            else:  # the texts holding a fragment: one search per text, not per fragment
                search, pos = fast.anchors.search, 0
                while (found := search(joined, pos)) is not None:
                    k = bisect_right(starts, found.start()) - 1
                    maybe_regex.add(k)
                    if k + 1 == len(starts):
                        break
                    pos = starts[k + 1]
        literal: dict[int, list[tuple[int, int]]] = {}
        if fast.literal is not None:
            for hit in fast.literal.finditer(joined):
                k = bisect_right(starts, hit.start()) - 1
                if k not in maybe_regex:
                    literal.setdefault(k, []).append((hit.start() - starts[k],
                                                      hit.end() - starts[k]))
        for k in maybe_regex:
            i = safe[k]
            out[i] = self._with_regexes(fast, texts[i], batch.lows[k])
        for k, spans in literal.items():
            i = safe[k]
            out[i] = self._named(texts[i], spans)
        return out

    def scan_located(self, text: str, low: str, located: Mapping[int, list[int]],
                     keys: Mapping[int, list[int]]) -> list[re.Match[str]]:
        """`scan` of a text whose candidate positions are known (vplint.text.multiscan):
        `located` maps a key to the positions in `low` (the lower-cased text) where terms
        of that key may start, and `keys` maps a key to this pattern's terms under it.

        Candidates of short prefixes are first tried with the term's own pattern; then the
        positions left are walked left to right with the named pattern, as `finditer`
        walks: the same matches as a plain scan, only the rest of the text is never tried.
        """
        found: set[int] = set()
        pairs = ((key, located.get(key), mine) for key, mine in keys.items()) \
            if len(keys) < len(located) else \
            ((key, positions, keys.get(key)) for key, positions in located.items())
        for _, positions, mine in pairs:
            if positions is None or mine is None:
                continue
            if len(positions) <= CHECK_OVER:
                found.update(positions)
                continue
            for k in mine:  # a common prefix ("a", "the"): ask each term first
                check = self._check(k)
                found.update(at for at in positions if check(low, at) is not None)
        out: list[re.Match[str]] = []
        end = 0
        match = self.pattern.match
        for at in sorted(found):
            if at < end:
                continue
            named = match(text, at)
            if named is None:
                continue
            if named.end() == at:  # pragma: no cover - an empty match: walk as finditer
                return self._slow(text)
            out.append(named)
            end = named.end()
        return out

    def _check(self, k: int):  # type: ignore[no-untyped-def]
        """The `match` of term k's own pattern for lower-cased text, compiled once."""
        checks = self._checks
        if checks is None:
            checks = self._checks = [None] * len(self.terms)
        check = checks[k]
        if check is None:
            check = checks[k] = re.compile(lower_pattern(self.terms[k])).match
        return check

    def _named(self, text: str, hits) -> list[re.Match[str]]:  # type: ignore[no-untyped-def]
        """The named pattern's match at each fast hit (re.Match or (start, end))."""
        out = []
        for hit in hits:
            start, end = hit if isinstance(hit, tuple) else hit.span()
            if end == start:
                continue
            named = self.pattern.match(text, start)
            if named is None or named.end() != end:  # pragma: no cover - a safety net
                return self._slow(text)
            out.append(named)
        return out

    def _slow(self, text: str) -> list[re.Match[str]]:
        return [m for m in self.pattern.finditer(text) if m.end() > m.start()]


def term_order(term: str) -> tuple[int, str]:
    """Where a term stands in a lexicon's pattern: longer terms are tried first."""
    return (-len(term), term)


def compile_terms(terms: Iterable[str]) -> Compiled | None:
    """One combined, case-insensitive pattern; longer literal terms are tried first."""
    unique = sorted(set(t for t in terms if t and t.strip()), key=term_order)
    if not unique:
        return None
    return Compiled(None, tuple(unique))


def _fast(terms: tuple[str, ...]) -> _Fast | None:
    fast = [lower_pattern(t) for t in terms]
    literal = [p for t, p in zip(terms, fast, strict=True) if not t.startswith("re:")]
    regexes = tuple(p for t, p in zip(terms, fast, strict=True) if t.startswith("re:"))
    try:
        whole = re.compile("|".join(fast))
    except re.error:  # pragma: no cover - the named pattern compiled, so this does too
        return None
    anchors: set[str] | None = set()
    term_anchors = []
    for term in terms:
        if not term.startswith("re:"):
            continue
        needed = _required(term[3:])
        # a few substring tests are faster than a regex search over a long text
        term_anchors.append(None if not needed else tuple(sorted(needed)) if len(needed) <= 3
                            else _anchor_pattern(needed))
        if needed is None or anchors is None:
            anchors = None
        else:
            anchors |= needed
    return _Fast(whole, re.compile("|".join(literal)) if literal else None,
                 bool(regexes), _anchor_pattern(anchors), regexes, tuple(term_anchors),
                 all(_never_empty(t[3:]) for t in terms if t.startswith("re:")))


def _anchor_pattern(fragments: set[str] | None) -> re.Pattern[str] | None:
    if not fragments:
        return None
    return re.compile("|".join(re.escape(f) for f in sorted(fragments,
                                                              key=lambda f: (-len(f), f))))


def _never_empty(source: str) -> bool:
    """True when the regex cannot match the empty string (known from its first strings:
    a pattern whose beginnings cannot be read is assumed to possibly match nothing)."""
    return regex_prefixes(source) is not None


def _required(source: str) -> set[str] | None:
    """Lower-case fragments one of which every match of a regex contains, or None: the
    strings its matches begin with."""
    found = regex_prefixes(source)
    if not found or any(f in (START, DIGIT) or len(f) < 2 and f.isascii() and f.isalnum()
                        for f in found):
        return None  # a single letter or digit, a start or any digit rules nothing out
    return set(found)


@dataclass
class Lexicon:
    """A named list of terms per language, with their compiled patterns cached."""

    name: str
    terms: dict[str, list[str]] = field(default_factory=dict)
    description: str = ""
    _compiled: dict[str, Compiled | None] = field(default_factory=dict, repr=False)
    version: int = field(default=0, repr=False, compare=False)
    """Bumped by `extend`, so whatever was built from the terms knows to rebuild."""

    def extend(self, more: dict[str, list[str]]) -> None:
        """Add terms (e.g. from the configuration); invalidates the compiled patterns."""
        for lang, items in more.items():
            self.terms.setdefault(lang, [])
            self.terms[lang].extend(i for i in items if i not in self.terms[lang])
        self._compiled.clear()
        self.version += 1

    def pattern(self, lang: str = "all") -> Compiled | None:
        """The compiled pattern for one language, or for all languages at once."""
        if lang not in self._compiled:
            langs = LANGS if lang == "all" else (lang,)
            self._compiled[lang] = compile_terms(
                t for code in langs for t in self.terms.get(code, []))
        return self._compiled[lang]

    def find(self, text: str, lang: str = "all") -> list[Match]:
        """Every non-overlapping hit in `text`."""
        compiled = self.pattern(lang)
        if compiled is None or not text:
            return []
        return self.matches(compiled, compiled.scan(text))

    @staticmethod
    def matches(compiled: Compiled, found: list[re.Match[str]]) -> list[Match]:
        """The pattern's matches as Match objects naming the term that matched."""
        terms = compiled.terms
        return [Match(m.start(), m.end(), m.group(0),
                      terms[int(m.lastgroup[1:]) if m.lastgroup else 0]) for m in found]

    def find_batch(self, batch: TextBatch, lang: str = "all") -> list[list[Match]]:
        """`find` for each text of a batch, scanned together (faster than one by one)."""
        compiled = self.pattern(lang)
        if compiled is None:
            return [[] for _ in batch.texts]
        terms = compiled.terms
        return [[Match(m.start(), m.end(), m.group(0),
                       terms[int(m.lastgroup[1:]) if m.lastgroup else 0]) for m in found]
                if found else found for found in compiled.scan_batch(batch)]

    def fingerprint(self) -> str:
        """Stable text of the terms, for cache keys."""
        return repr(sorted((k, sorted(v)) for k, v in self.terms.items()))
