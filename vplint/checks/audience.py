"""AUD: whose need this proposition answers - one named segment, not everyone, and for
a business buyer, the role that decides."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vplint.checks import CheckContext, Hit
from vplint.checks.support import at_clause_start, fields
from vplint.text.sentences import clause_spans, span_of

_BUSINESS_LEVELS = ("board", "c-level", "department", "project")


def everyone(ctx: CheckContext) -> Iterator[Hit]:
    """AUD002: the audience is everyone or the mass market.

    Every match in `segment_fields` counts. In the copy a match that is the subject of its
    clause does not ("Everyone gets their shifts on their phone"), and a bare pronoun
    (`pronouns`: everyone, anyone, 所有人) counts only right after words that name an
    audience (`audience_before`: "for everyone", "empowers everyone", 适合所有人) - "keep
    everyone aligned" is not a target market, "all businesses" in any position is.
    """
    segment = fields(ctx, "segment_fields", ("segment.who",))
    copy = fields(ctx, "copy_fields", ("copy",))
    pronouns = {p.lower() for p in ctx.param("pronouns") or ()}
    before = _audience_before(ctx)
    for name in ctx.lexicons():
        for m in ctx.facts.find(name, segment):
            yield Hit(field=m.field, node=m.node, start=m.start, end=m.end, match=m.text,
                      args={"match": m.text})
        for m in ctx.facts.find(name, copy):
            text = str(m.node.value)
            a, _ = span_of(clause_spans(text), m.start)
            if at_clause_start(text, m.start, a):
                continue
            if m.text.lower() in pronouns and (before is None
                                               or not before.search(text, a, m.start)):
                continue
            yield Hit(field=m.field, node=m.node, start=m.start, end=m.end, match=m.text,
                      args={"match": m.text})


def _audience_before(ctx: CheckContext) -> re.Pattern[str] | None:
    source = ctx.param("audience_before")
    if not source:
        return None
    cache = ctx.rule.compiled
    key = ("audience-before", source)
    if key not in cache:
        cache[key] = re.compile(rf"(?:{source})\s*$", re.IGNORECASE)
    return cache[key]


def no_decision_maker(ctx: CheckContext) -> Iterator[Hit]:
    """AUD003: a business-to-business proposition that names no decision-making role.

    It looks B2B when `segment.level` is board, c-level, department or project, or when
    `segment.who`, `category` or `name` speak of businesses (b2b-cues: companies, teams,
    企业, 工厂...). `segment.level: individual` marks a consumer proposition.
    """
    if ctx.doc.text("segment.role"):
        return
    level = (ctx.doc.text("segment.level") or "").lower()
    if level == "individual":
        return
    if level not in _BUSINESS_LEVELS:
        scope = fields(ctx, "cue_fields", ("segment.who", "category", "name"))
        if not any(ctx.facts.any(name, scope) for name in ctx.lexicons("cue_lexicons")):
            return
    node = ctx.doc.node("segment")
    yield Hit(field="segment.role", node=node)


def several_segments(ctx: CheckContext) -> Iterator[Hit]:
    """AUD004: one proposition addresses both sides of a market (sellers and buyers, hosts
    and guests, 卖家和买家) - each side hires the product for a different job.

    `sides` is a list of pairs of regular expressions per language; the rule fires when
    both members of a pair occur in `fields` (segment.who and segment.role).
    """
    scope = fields(ctx, default=("segment.who", "segment.role"))
    texts = ctx.facts.texts(scope)
    if not texts:
        return
    joined = "\n".join(str(node.value) for _, node in texts)
    for pair in _pairs(ctx):
        found = [side.search(joined) for side in pair]
        if all(found):
            names = [m.group(0) for m in found if m]
            path, node = texts[0]
            yield Hit(field=path, node=node, match=" / ".join(names),
                      args={"sides": _both(ctx, names)})
            return


def _pairs(ctx: CheckContext) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    table = ctx.param("sides") or []
    key = ("aud004-pairs", repr(table))
    cache = ctx.rule.compiled
    if key not in cache:
        cache[key] = [tuple(re.compile(rf"(?<![A-Za-z])(?:{side})(?![A-Za-z])", re.IGNORECASE)
                            for side in pair) for pair in table]
    return cache[key]


def _both(ctx: CheckContext, names: list[str]) -> str:
    if ctx.facts.message_language == "zh":
        return "和".join(f"“{n}”" for n in names)
    return " and ".join(f"'{n}'" for n in names)
