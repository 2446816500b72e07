"""VP: the file and its structure. Load problems become findings; the schema is enforced."""

from __future__ import annotations

from collections.abc import Iterator

from vplint.checks import CheckContext, Hit
from vplint.nodes import Node
from vplint.schema import validate


def _problems(ctx: CheckContext, code: str) -> Iterator[Hit]:
    for problem in ctx.doc.problems:
        if problem.code == code:
            node = Node(None, problem.start, max(problem.end, problem.start))
            yield Hit(field=problem.field, node=node, args=dict(problem.args))


def parse_error(ctx: CheckContext) -> Iterator[Hit]:
    """VP001: the file could not be read or parsed (reason and parser position)."""
    yield from _problems(ctx, "VP001")


def duplicate_key(ctx: CheckContext) -> Iterator[Hit]:
    """VP004: a key appears twice in one mapping; YAML keeps only the last one."""
    yield from _problems(ctx, "VP004")


def _schema_hits(ctx: CheckContext, code: str) -> Iterator[Hit]:
    if ctx.doc.tree is None or ctx.doc.kind != "yaml" and not ctx.doc.tree.value:
        return
    for found, path, node, args in ctx.facts.memo(("schema",), lambda: list(
            validate(ctx.doc.tree))):
        if found == code:
            key_node = node
            if code == "VP002" and node.key_start is not None:
                key_node = Node(None, node.key_start, node.key_start + len(args["key"]))
            yield Hit(field=path, node=key_node, args=args)


def unknown_field(ctx: CheckContext) -> Iterator[Hit]:
    """VP002: a field the format does not know, with the closest known field."""
    yield from _schema_hits(ctx, "VP002")


def wrong_type(ctx: CheckContext) -> Iterator[Hit]:
    """VP003: a field holds the wrong kind of value (a list where text is expected...)."""
    yield from _schema_hits(ctx, "VP003")


def unused_suppression(ctx: CheckContext) -> Iterator[Hit]:
    """VP100: a suppression comment that silenced nothing (like ruff's RUF100).

    Runs after every other rule, when the engine knows which directives were used; it
    receives them as `ctx.extra["unused"]`.
    """
    for directive in ctx.extra.get("unused", ()):
        at = ctx.doc.lines.index(directive.line, directive.column)
        node = Node(None, at, at + len("disable"))
        reason = "unknown" if directive.code not in ctx.extra.get("known", ()) else "unused"
        yield Hit(node=node, args={"code": directive.code, "reason": reason})


def rule_crashed(ctx: CheckContext) -> Iterator[Hit]:
    """VP900: another rule raised or returned something that is not a Hit.

    The engine calls this with the failing rule's code and error in `ctx.extra`.
    """
    if "rule" in ctx.extra:
        yield Hit(args={"rule": ctx.extra["rule"], "error": ctx.extra.get("error", "")})


_LANGUAGE_NAMES = {
    "ja": {"en": "Japanese", "zh": "日语"},
    "ko": {"en": "Korean", "zh": "韩语"},
    "other": {"en": "a language other than English or Chinese", "zh": "英文和中文以外的语言"},
}


def unsupported_language(ctx: CheckContext) -> Iterator[Hit]:
    """VP006: the page is in a language vplint has no rules for, so it was not judged.

    The engine runs this rule only on such pages (its `languages` are ja, ko and other)
    and runs no English or Chinese rule on them.
    """
    names = _LANGUAGE_NAMES.get(ctx.facts.locale, _LANGUAGE_NAMES["other"])
    yield Hit(args={"language": names.get(ctx.facts.message_language, names["en"])})
