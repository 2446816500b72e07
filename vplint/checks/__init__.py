"""The Python logic behind rules. A check is a function

    def check(ctx: CheckContext) -> Iterable[Hit]

that reads the document and its text facts and yields hits; the engine turns hits into
located, localised Findings. Checks never print and never read files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from vplint.nodes import Node

if TYPE_CHECKING:
    from vplint.document import Document
    from vplint.rules import Rule
    from vplint.text.facts import Facts


@dataclass
class Hit:
    """What a check found.

    `field` names the field it is about; `node` (defaults to that field's node) and
    [start, end) inside its text narrow the location. `args` fill the message template.
    """

    field: str | None = None
    start: int | None = None
    end: int | None = None
    node: Node | None = None
    args: dict[str, Any] = dc_field(default_factory=dict)
    suggestion: str | None = None
    match: str | None = None


@dataclass
class CheckContext:
    """What a check may look at: the document, its facts, the rule and its parameters."""

    doc: Document
    facts: Facts
    rule: Rule
    params: dict[str, Any]
    extra: dict[str, Any] = dc_field(default_factory=dict)

    @property
    def language(self) -> str:
        """The proposition's language ("en" or "zh")."""
        return self.facts.language

    def param(self, name: str, default: Any = None) -> Any:
        """A rule parameter; a {en: .., zh: ..} table picks the proposition's language."""
        value = self.params.get(name, default)
        base = self.rule.params.get(name)
        if isinstance(value, dict) and isinstance(base, dict) and value is not base \
                and set(value) <= {"en", "zh"}:
            # `rule_options: {CLR001: {max: {en: 8}}}` changes English only, keeps Chinese
            value = {**base, **value}
        if isinstance(value, dict) and set(value) <= {"en", "zh"} and value:
            return value.get(self.language, value.get("en"))
        return value

    def lexicons(self, name: str = "lexicons") -> list[str]:
        """The lexicon names a rule parameter lists (a single name is accepted)."""
        value = self.params.get(name) or []
        return [value] if isinstance(value, str) else list(value)


def scalar_text(node: Node | None) -> str:
    """A field's text when it holds text or a number, else "" (lists, mappings, nothing)."""
    if node is None or node.kind not in ("text", "number"):
        return ""
    return str(node.value).strip()


def competitors(ctx: CheckContext) -> list[tuple[int, dict[str, Node]]]:
    """(index, fields) of every `competitors` entry that is a mapping."""
    node = ctx.doc.node("competitors")
    if node is None or not isinstance(node.value, list):
        return []
    return [(i, item.value) for i, item in enumerate(node.value)
            if isinstance(item.value, dict)]



class Needs(NamedTuple):
    """What a check needs to find in a document before it can yield anything."""

    params: tuple[str, ...]
    """Rule parameters naming lexicons: for each, one of its lexicons must match."""
    unless: tuple[str, ...] = ()
    """Rule parameters that, when set, let the check find more than lexicon hits."""


_Check = TypeVar("_Check", bound=Callable[..., Any])


def needs_hits(*params: str, unless: tuple[str, ...] = ()) -> Callable[[_Check], _Check]:
    """Declare that a check yields nothing unless, for each of `params`, a lexicon that
    rule parameter names matches somewhere in the document (and none of `unless` is set).

    The engine then skips the rule on a document without such a hit instead of calling
    it (vplint.engine); only declare it of a check whose every hit comes from those
    lexicons' matches, so that skipping changes nothing.
    """
    def mark(check: _Check) -> _Check:
        check.needs_hits = Needs(tuple(params), tuple(unless))  # type: ignore[attr-defined]
        return check
    return mark


def needs_of(check: Callable[..., Any]) -> Needs | None:
    """What `needs_hits` declared of a check (None: it may yield on any document)."""
    found = getattr(check, "needs_hits", None)
    return found if isinstance(found, Needs) else None
