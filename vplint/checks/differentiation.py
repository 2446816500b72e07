"""DIF: why this is not "the same as company X" - a named alternative, a real difference,
and a word nobody else already owns."""

from __future__ import annotations

from collections.abc import Iterator

from vplint.checks import CheckContext, Hit, competitors, needs_hits, scalar_text
from vplint.checks.outcome import measurable
from vplint.checks.support import STOPWORDS, by_node, content_stems, fields, note
from vplint.lazyre import lazy
from vplint.nodes import Node
from vplint.text.lang import cjk_count
from vplint.text.sentences import sentence_spans, span_of

_LEFTOVER = lazy(r"[A-Za-z0-9\u3400-\u4dbf\u4e00-\u9fff]+")
_ZH_FILLER = lazy(r"[的和及与或等、]")
_NOT_A_LETTER = lazy(r"[\s\W_]+")


def no_alternative(ctx: CheckContext) -> Iterator[Hit]:
    """DIF001: no alternative named, or one that names nobody ("other solutions", 其他厂商).

    `differentiation.unlike` counts when something specific is left after removing the
    generic-alternatives words; without it, listed `competitors` or a contrast in the copy
    ("unlike", "instead of", 不同于) count.
    """
    unlike = ctx.doc.node("differentiation.unlike")
    if unlike is not None and ctx.doc.text("differentiation.unlike"):
        text = str(unlike.value)
        if _names_someone(ctx, unlike, text):
            return
        yield Hit(field="differentiation.unlike", node=unlike, match=text,
                  args={"match": text, "detail": note(ctx, "vague", match=text.strip())})
        return
    if ctx.doc.has("competitors"):
        return
    or_fields = fields(ctx, "or_fields", ("copy",))
    if any(ctx.facts.any(name, or_fields) for name in ctx.lexicons("or_lexicons")):
        return
    yield Hit(field="differentiation.unlike", args={"detail": ""})


def _names_someone(ctx: CheckContext, node: Node, text: str) -> bool:
    chars = list(text)
    for name in ctx.lexicons("vague_lexicons"):
        for m in ctx.facts.find(name, "differentiation.unlike"):
            if m.node is node:
                chars[m.start:m.end] = " " * (m.end - m.start)
    rest = _ZH_FILLER.sub(" ", "".join(chars))
    words = [w for w in _LEFTOVER.findall(rest) if w.lower() not in STOPWORDS]
    return bool(words)


@needs_hits("lexicons")
def generic_differentiator(ctx: CheckContext) -> Iterator[Hit]:
    """DIF002: the difference is a virtue every competitor claims (quality, service, price
    alone, one-stop, 专业, 优质, "leading provider").

    One finding per field, listing its generic terms. A term in a sentence that also gives a
    figure or a time bound is being made specific and is not counted.
    """
    scope = fields(ctx, default=("differentiation.because", "positioning.attribute",
                                 "positioning.focus_word", "copy.headline",
                                 "copy.subheadline"))
    grouped = by_node(m for name in ctx.lexicons() for m in ctx.facts.find(name, scope))
    for path, node in ctx.facts.texts(scope):
        text = str(node.value)
        spans = sentence_spans(text)
        generic = []
        for m in sorted(grouped.get(id(node), []), key=lambda m: m.start):
            a, b = span_of(spans, m.start)
            if not measurable(ctx, node, a, b):
                generic.append(m)
        if not generic:
            continue
        first = generic[0]
        terms = _join(ctx, list(dict.fromkeys(m.text for m in generic)))
        yield Hit(field=path, node=node, start=first.start, end=first.end, match=first.text,
                  args={"match": first.text, "terms": terms})


def _join(ctx: CheckContext, terms: list[str]) -> str:
    if ctx.facts.message_language == "zh":
        return "、".join(f"“{t}”" for t in terms)
    return ", ".join(f"'{t}'" for t in terms)


def competitor_overlap(ctx: CheckContext) -> Iterator[Hit]:
    """DIF003: the focus word or claimed attribute is one a listed competitor owns or claims.

    Chinese texts overlap when one contains the other; English ones when all content words
    of the shorter (stemmed: innovation ~ innovative) appear in the longer.
    """
    rivals = []
    for _, entry in competitors(ctx):
        name = scalar_text(entry.get("name"))
        for key in ("owns", "claim"):
            value = scalar_text(entry.get(key))
            if value:
                rivals.append((name, key, value))
    for path in fields(ctx, default=("positioning.focus_word", "positioning.attribute")):
        mine = ctx.doc.text(path)
        node = ctx.doc.node(path)
        if not mine or node is None:
            continue
        for name, key, theirs in rivals:
            if overlaps(mine, theirs, whole=key == "owns"):
                yield Hit(field=path, node=node, match=mine,
                          args={"match": mine, "competitor": name or "?", "word": theirs})
                break


def overlaps(mine: str, theirs: str, whole: bool = True) -> bool:
    """True when `mine` claims what `theirs` says.

    With `whole` (a competitor's owned word) either may contain the other; against a
    longer claim, `mine` must be contained in it.
    """
    if cjk_count(mine) and cjk_count(theirs):
        a, b = _squash(mine), _squash(theirs)
        return bool(a and b) and (a in b or (whole and b in a))
    a, b = content_stems(mine), content_stems(theirs)
    if not a or not b:
        return False
    return a <= b or (whole and b <= a)


def _squash(text: str) -> str:
    return _NOT_A_LETTER.sub("", text.lower())
