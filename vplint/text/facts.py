"""Text facts computed once per proposition and shared by every rule that asks.

Rules ask questions such as "where does the `hype` lexicon match in the copy?". The first
question scans every text of the document once for every term of every lexicon
(vplint.text.multiscan), confirms every candidate once and stores, per text node, each
lexicon's matches; each answer is then a filter over those stored hits, so no question
rescans, re-confirms or re-sorts anything.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from vplint.nodes import Node
from vplint.text.fold import fold
from vplint.text.lang import ZH_HANS, ZH_HANT, detect_locale, normalize_locale, rule_language
from vplint.text.lexicon import Match, lowers_safely
from vplint.text.multiscan import scanner_for

if TYPE_CHECKING:
    from vplint.document import Document
    from vplint.rules import Registry


_NONE: list[Match] = []


@dataclass(frozen=True)
class FieldMatch:
    """A lexicon hit located in a field: field path, its node, and [start, end) in its text."""

    field: str
    node: Node
    start: int
    end: int
    text: str
    term: str


class Facts:
    """Lazily computed, cached analysis of one Document."""

    def __init__(self, doc: Document, registry: Registry, forced_language: str | None = None
                 ) -> None:
        self.doc = doc
        self.registry = registry
        self._cache: dict[tuple, object] = {}
        self._hits: dict[int, dict[str, list[Match]]] | None = None
        self._names: frozenset[str] = frozenset()
        self._holding: dict[str, dict[int, None]] = {}
        """Lexicon -> id of each text node where it has hits (`hits`)."""
        self._whole = False
        """Whether `hits` holds every text of the document (none was left unscanned)."""
        declared = next((normalize_locale(v) for v in (doc.text(k) for k in
                         ("language", "lang", "locale")) if v and v != "auto"), None)
        # The text is read only when the declaration leaves something to tell: no
        # language at all, or "zh", whose script the text tells.
        if declared is None or declared == ZH_HANS:
            # A file that failed to parse has no fields: judge its raw text instead.
            detected = detect_locale(doc.all_text() if doc.tree is not None
                                     else doc.source[:4000])
            if declared is None or detected == ZH_HANT:
                declared = detected  # "zh" says Chinese; the text says which script
        self.locale: str = declared
        """en, zh-Hans, zh-Hant, ja, ko or other (vplint.text.lang)."""
        supported = rule_language(self.locale)
        self.language: str = supported or self.locale
        """The rule language, "en" or "zh"; the locale itself when vplint has no rules."""
        self.message_language = forced_language or supported or "en"
        self.page_kind: str = "proposition"
        """The kind of page (vplint.pagekind); the engine sets it."""
        self.page_kind_from: str = ""
        """What decided the kind (vplint.pagekind.classify); the engine sets it."""
        self.brands: tuple[str, ...] = ()
        """The advertiser's own names from the configuration; the engine sets them."""

    def texts(self, prefixes: tuple[str, ...] | list[str] | str = "") -> list[tuple[str, Node]]:
        """Text leaves under any of the field prefixes ("" = every field), in file order."""
        if isinstance(prefixes, str):
            prefixes = (prefixes,)
        key = ("texts", tuple(prefixes))
        if key not in self._cache:
            seen: dict[int, tuple[str, Node]] = {}
            for prefix in prefixes:
                for path, node in self.doc.texts(prefix):
                    seen.setdefault(id(node), (path, node))
            self._cache[key] = sorted(seen.values(), key=lambda item: item[1].start)
        return self._cache[key]  # type: ignore[return-value]

    def find(self, lexicon: str, prefixes: tuple[str, ...] | list[str] | str = "",
             lang: str = "all") -> list[FieldMatch]:
        """Every hit of a lexicon in the fields under `prefixes`, in file order."""
        if isinstance(prefixes, str):
            prefixes = (prefixes,)
        key = ("find", lexicon, tuple(prefixes), lang)
        found = self._cache.get(key)
        if found is None:
            texts = self.texts(prefixes)
            if lang != "all" or lexicon not in self.registry.lexicons:
                found = [FieldMatch(path, node, m.start, m.end, m.text, m.term)
                         for path, node in texts
                         for m in self.node_matches(lexicon, node, lang)]
            elif lexicon not in self._matched():
                found = []
            elif self._whole:
                # Every text was scanned: only the texts holding a hit of this lexicon
                # are visited, in the order of `texts` (most lexicons hit one or two).
                place = self._places(tuple(prefixes))
                hits = self.hits()
                found = [FieldMatch(path, node, m.start, m.end, m.text, m.term)
                         for _, path, node in sorted(
                             place[n] for n in self._holding[lexicon] if n in place)
                         for m in hits[id(node)][lexicon]]
            else:
                hits = self.hits()
                found = []
                for path, node in texts:
                    stored = hits.get(id(node))
                    for m in (stored.get(lexicon, _NONE) if stored is not None
                              else self.node_matches(lexicon, node)):
                        found.append(FieldMatch(path, node, m.start, m.end, m.text, m.term))
            self._cache[key] = found
        return found  # type: ignore[return-value]

    def _places(self, prefixes: tuple[str, ...]) -> dict[int, tuple[int, str, Node]]:
        """id(text node) -> (its place in `texts(prefixes)`, path, node)."""
        key = ("places", prefixes)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = {id(node): (k, path, node) for k, (path, node)
                                        in enumerate(self.texts(prefixes))}
        return found  # type: ignore[return-value]

    def node_matches(self, lexicon: str, node: Node, lang: str = "all") -> list[Match]:
        """Every hit of a lexicon in one text node, from the document's single scan."""
        if lang == "all" and lexicon in self.registry.lexicons:
            stored = (self._hits if self._hits is not None else self.hits()).get(id(node))
            if stored is not None:
                return stored.get(lexicon, _NONE)
        key = ("node", lexicon, id(node), lang)
        found = self._cache.get(key)
        if found is None:
            # Traditional Chinese is read through its simplified form (same offsets).
            original = str(node.value)
            text = fold(original)
            found = self._cache[key] = _quoting(
                self.registry.lexicon(lexicon).find(text, lang), original, text) \
                if text else []
        return found  # type: ignore[return-value]

    @property
    def scanned(self) -> bool:
        """Whether the document's lexicon hits were computed (`hits`)."""
        return self._hits is not None

    def has(self, lexicon: str) -> bool:
        """True when the lexicon matches somewhere in the document's texts (or in a text
        that was not scanned with the others: then it may)."""
        return lexicon in self._matched()

    def hits(self) -> dict[int, dict[str, list[Match]]]:
        """id(text node) -> lexicon name -> its matches there, for every text of the
        document that lower-cases safely: every term located in one pass and confirmed
        once (vplint.text.multiscan). Texts left out are scanned lexicon by lexicon."""
        found = self._hits
        if found is None:
            nodes = [node for _, node in self.doc.texts()]
            originals = [str(node.value) for node in nodes]
            texts = [fold(text) for text in originals]
            scanner = scanner_for(self.registry.lexicons)
            safe = [k for k, text in enumerate(texts) if text and lowers_safely(text)] \
                if scanner.exact else []
            located = scanner.locate([texts[k].lower() for k in safe])
            matched = scanner.hits([texts[k] for k in safe], located)
            found = {id(nodes[k]): {} for k, text in enumerate(texts) if not text}
            holding: dict[str, dict[int, None]] = {}  # a node may come twice (aliases)
            for k, mine in zip(safe, matched, strict=True):
                if originals[k] != texts[k]:
                    mine = {name: _quoting(hits, originals[k], texts[k])
                            for name, hits in mine.items()}
                found[id(nodes[k])] = mine
                for name in mine:
                    holding.setdefault(name, {})[id(nodes[k])] = None
            names = set(holding)
            self._whole = len(found) == len({id(node) for node in nodes})
            if not self._whole:
                names.update(self.registry.lexicons)  # an unscanned text may hold any
            self._holding = holding
            self._names = frozenset(names)
            self._hits = found
        return found

    def _matched(self) -> frozenset[str]:
        if self._hits is None:
            self.hits()
        return self._names

    def any(self, lexicon: str, prefixes: tuple[str, ...] | list[str] | str = "") -> bool:
        """True when the lexicon matches anywhere under `prefixes`."""
        return bool(self.find(lexicon, prefixes))

    def memo(self, key: tuple, compute):  # type: ignore[no-untyped-def]
        """Cache any derived fact under `key` (for check modules' own analyses)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]


def _quoting(matches: list[Match], original: str, folded: str) -> list[Match]:
    """Matches found in the folded (simplified) text, quoting the copy as written: a
    finding on traditional copy shows the writer's own characters, at the same offsets."""
    if original == folded:
        return matches
    return [replace(m, text=original[m.start:m.end]) for m in matches]
