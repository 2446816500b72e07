"""OUT: the result the customer gets - stated, measurable, and a result rather than a feature."""

from __future__ import annotations

from collections.abc import Iterator

from vplint.checks import CheckContext, Hit, needs_hits
from vplint.checks.support import by_node, fields, first_filled
from vplint.nodes import Node
from vplint.text.numbers import quantities_of
from vplint.text.sentences import sentence_spans, span_of
from vplint.text.timeexpr import times_of


def measurable(ctx: CheckContext, node: Node, start: int = 0, end: int | None = None) -> bool:
    """True when [start, end) of a text node holds a figure or a time bound."""
    end = len(str(node.value)) if end is None else end
    if any(start <= q.start < end for q in quantities_of(ctx.facts, node)):
        return True
    return any(t.is_bound and start <= t.start < end for t in times_of(ctx.facts, node))


def not_measurable(ctx: CheckContext) -> Iterator[Hit]:
    """OUT002: the outcome has no number, percentage, multiplier, money or time bound.

    Judges the first filled of `fields` (outcome, then benefit); with neither, the copy's
    sentences that state a result (outcome-cues). No outcome at all is OUT001's finding.
    """
    found = first_filled(ctx, fields(ctx, default=("outcome", "benefit")))
    if found is not None:
        path, node = found
        if not measurable(ctx, node):
            yield Hit(field=path, node=node, args={"field": path})
        return
    cues = [m for name in ctx.lexicons("cue_lexicons")
            for m in ctx.facts.find(name, fields(ctx, "cue_fields", ("copy",)))]
    if not cues:
        return
    for m in cues:
        text = str(m.node.value)
        a, b = span_of(sentence_spans(text), m.start)
        if measurable(ctx, m.node, a, b):
            return
    first = min(cues, key=lambda m: (m.node.start, m.start))
    text = str(first.node.value)
    a, b = span_of(sentence_spans(text), first.start)
    yield Hit(field=first.field, node=first.node, start=a, end=b, match=text[a:b].strip(),
              args={"field": first.field})


@needs_hits("lexicons")
def feature_not_result(ctx: CheckContext) -> Iterator[Hit]:
    """OUT003: a headline, bullet or outcome that speaks in features, not results.

    One finding per field whose text matches feature-speak and states no customer result
    (no outcome cue): "AI-powered insights" is flagged, "AI-powered forecasts that cut your
    labour cost 10%" is not.
    """
    scope = fields(ctx, default=("copy.headline", "copy.subheadline", "copy.bullets",
                                 "outcome", "benefit"))
    features = by_node(m for name in ctx.lexicons() for m in ctx.facts.find(name, scope))
    results = by_node(m for name in ctx.lexicons("result_lexicons")
                      for m in ctx.facts.find(name, scope))
    for path, node in ctx.facts.texts(scope):
        hits = features.get(id(node))
        if not hits or id(node) in results:
            continue
        first = min(hits, key=lambda m: m.start)
        yield Hit(field=path, node=node, start=first.start, end=first.end, match=first.text,
                  args={"match": first.text})
