"""TIM: a specific time by which the customer gets the outcome (Maxwell's second must)."""

from __future__ import annotations

from collections.abc import Iterator

from vplint.checks import CheckContext, Hit
from vplint.checks.support import fields, neighbour_stems, note
from vplint.nodes import Node
from vplint.text.intervals import Intervals
from vplint.text.numbers import MULTIPLIER, PERCENT, quantities_of
from vplint.text.sentences import sentence_spans, span_of
from vplint.text.timeexpr import VAGUE, TimeExpr, field_times, times_of

_NOT_A_BOUND = ("vague", "availability", "window")


def no_time_bound(ctx: CheckContext) -> Iterator[Hit]:
    """TIM001: no duration or deadline anywhere the outcome is promised.

    A filled `time_bound` counts even when vplint cannot read it ("before the school run"),
    unless all it says is vague ("soon"), availability (24/7) or an offer window (限时).
    """
    declared = ctx.doc.node("time_bound")
    if declared is not None and ctx.doc.text("time_bound"):
        found = times_of(ctx.facts, declared)
        if any(t.is_bound for t in found):
            return
        weak = [t for t in found if t.kind in _NOT_A_BOUND]
        if not weak:
            return
        first = weak[0]
        yield Hit(field="time_bound", node=declared, start=first.start, end=first.end,
                  match=first.text, args={"match": first.text,
                                          "detail": note(ctx, "weak", match=first.text)})
        return
    if any(t.is_bound for _, _, t in field_times(ctx.facts, fields(ctx, "or_fields"))):
        return
    yield Hit(field="time_bound", args={"detail": ""})


def vague_time(ctx: CheckContext) -> Iterator[Hit]:
    """TIM002: a vague time word ("fast", 尽快) where a time bound should be.

    Not flagged when the same claim is bounded: a bound or a percentage/multiplier close
    by in the same sentence ("fast: in 30 minutes", "2x faster"), or the word the vague
    term qualifies is next to a bound elsewhere ("a faster close" when the outcome says
    "close shrinks from 10 days to 5").
    """
    bounded = _bounded_stems(ctx)
    window = int(ctx.param("window", 40))
    for path, node, t in field_times(ctx.facts, fields(ctx, default=("copy",))):
        if t.kind != VAGUE:
            continue
        text = str(node.value)
        if _quantified_nearby(ctx, node, text, t, window):
            continue
        if neighbour_stems(text, t.start, t.end) & bounded:
            continue
        yield Hit(field=path, node=node, start=t.start, end=t.end, match=t.text,
                  args={"match": t.text})


def _quantified_nearby(ctx: CheckContext, node: Node, text: str, t: TimeExpr,
                       window: int) -> bool:
    sentence = span_of(sentence_spans(text), t.start)
    cjk_window = max(4, window // 3)
    reach = cjk_window if any("\u4e00" <= c <= "\u9fff" for c in t.text) else window
    lo, hi = max(sentence[0], t.start - reach), min(sentence[1], t.end + reach)
    bounds, ratios = _anchors(ctx, node)
    return bounds.overlaps(lo, hi) or ratios.overlaps(t.start - 12, t.end + 8)


def _anchors(ctx: CheckContext, node: Node) -> tuple[Intervals, Intervals]:
    """A node's time bounds and ratios, indexed once so each vague word asks in O(log n)."""
    def compute() -> tuple[Intervals, Intervals]:
        return (Intervals(x for x in times_of(ctx.facts, node) if x.is_bound),
                Intervals(q for q in quantities_of(ctx.facts, node)
                          if q.kind in (PERCENT, MULTIPLIER)))

    return ctx.facts.memo(("tim002-anchors", id(node)), compute)


def _bounded_stems(ctx: CheckContext) -> set[str]:
    """The words next to every time bound (what is bounded), once per proposition."""
    scope = fields(ctx, "bound_fields", ("time_bound", "outcome", "guarantee", "benefit",
                                         "copy"))

    def compute() -> set[str]:
        stems: set[str] = set()
        for _, node, t in field_times(ctx.facts, scope):
            if t.is_bound:
                stems |= neighbour_stems(str(node.value), t.start, t.end, words=2, reach=4)
        return stems

    return ctx.facts.memo(("bounded-stems", scope), compute)
