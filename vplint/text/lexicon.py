"""Term lists (lexicons) compiled into one pattern each, matching CJK terms without word
boundaries and English terms with ASCII-only boundaries.

Python's `\\b` treats CJK ideographs as word characters, so "AI赋能" has no boundary
between "I" and "赋"; explicit ASCII look-arounds give the right answer in mixed text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

LANGS = ("en", "zh")
_WORD = re.compile(r"[A-Za-z0-9_]")


@dataclass(frozen=True)
class Match:
    """One lexicon hit inside a string: [start, end) and the matched text."""

    start: int
    end: int
    text: str
    term: str


def term_pattern(term: str) -> str:
    """Regex source for one term: `re:` prefix means a regex, else a literal phrase."""
    if term.startswith("re:"):
        return f"(?:{term[3:]})"
    parts = [re.escape(p) for p in re.split(r"\s+", term.strip())]
    body = r"\s+".join(parts).replace(r"\-", r"[-\s]?")
    head = r"(?<![A-Za-z0-9_])" if _WORD.match(term[0]) else ""
    tail = r"(?![A-Za-z0-9_])" if _WORD.match(term[-1]) else ""
    return f"{head}{body}{tail}"


@dataclass(frozen=True)
class Compiled:
    """A combined pattern and the terms its numbered groups stand for."""

    pattern: re.Pattern[str]
    terms: tuple[str, ...]


def compile_terms(terms: Iterable[str]) -> Compiled | None:
    """One combined, case-insensitive pattern; longer literal terms are tried first."""
    unique = sorted(set(t for t in terms if t and t.strip()),
                    key=lambda t: (-len(t), t))
    if not unique:
        return None
    groups = [f"(?P<t{i}>{term_pattern(t)})" for i, t in enumerate(unique)]
    return Compiled(re.compile("|".join(groups), re.IGNORECASE), tuple(unique))


@dataclass
class Lexicon:
    """A named list of terms per language, with their compiled patterns cached."""

    name: str
    terms: dict[str, list[str]] = field(default_factory=dict)
    description: str = ""
    _compiled: dict[str, Compiled | None] = field(default_factory=dict, repr=False)

    def extend(self, more: dict[str, list[str]]) -> None:
        """Add terms (e.g. from the configuration); invalidates the compiled patterns."""
        for lang, items in more.items():
            self.terms.setdefault(lang, [])
            self.terms[lang].extend(i for i in items if i not in self.terms[lang])
        self._compiled.clear()

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
        out = []
        for m in compiled.pattern.finditer(text):
            if m.end() == m.start():
                continue
            index = int(m.lastgroup[1:]) if m.lastgroup else 0
            out.append(Match(m.start(), m.end(), m.group(0), compiled.terms[index]))
        return out

    def fingerprint(self) -> str:
        """Stable text of the terms, for cache keys."""
        return repr(sorted((k, sorted(v)) for k, v in self.terms.items()))
