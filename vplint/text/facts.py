"""Text facts computed once per proposition and shared by every rule that asks.

Rules ask questions such as "where does the `hype` lexicon match in the copy?"; the
answer is computed on first use and cached on the Facts object, so ten rules asking
the same thing cost one scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vplint.nodes import Node
from vplint.text.fold import fold
from vplint.text.lang import detect_language
from vplint.text.lexicon import TextBatch

if TYPE_CHECKING:
    from vplint.document import Document
    from vplint.rules import Registry


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
        declared = doc.text("language")
        if declared in ("en", "zh"):
            self.language = declared
        else:
            # A file that failed to parse has no fields: judge its raw text instead.
            self.language = detect_language(doc.all_text() if doc.tree is not None
                                            else doc.source[:4000])
        self.message_language = forced_language or self.language

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
        """Every hit of a lexicon in the fields under `prefixes`."""
        if isinstance(prefixes, str):
            prefixes = (prefixes,)
        key = ("find", lexicon, tuple(prefixes), lang)
        if key not in self._cache:
            lex = self.registry.lexicon(lexicon)
            fields, batch = self._batch(prefixes)
            out = [FieldMatch(path, node, m.start, m.end, m.text, m.term)
                   for (path, node), hits in zip(fields, lex.find_batch(batch, lang),
                                                 strict=True) for m in hits]
            self._cache[key] = out
        return self._cache[key]  # type: ignore[return-value]

    def _batch(self, prefixes: tuple[str, ...]) -> tuple[list[tuple[str, Node]], TextBatch]:
        """The texts under `prefixes`, lower-cased and joined once for every lexicon."""
        key = ("batch", prefixes)
        if key not in self._cache:
            fields = self.texts(prefixes)
            # Traditional Chinese is read through its simplified form (same offsets).
            self._cache[key] = (fields, TextBatch([fold(str(node.value)) for _, node in fields]))
        return self._cache[key]  # type: ignore[return-value]

    def any(self, lexicon: str, prefixes: tuple[str, ...] | list[str] | str = "") -> bool:
        """True when the lexicon matches anywhere under `prefixes`."""
        return bool(self.find(lexicon, prefixes))

    def memo(self, key: tuple, compute):  # type: ignore[no-untyped-def]
        """Cache any derived fact under `key` (for check modules' own analyses)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]
