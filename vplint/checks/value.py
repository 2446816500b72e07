"""VAL: the customer's value account - a few core utilities, expectations that fit
together, and a benefit the customer can feel (benefit x experience)."""

from __future__ import annotations

from collections.abc import Iterator

from vplint.checks import CheckContext, Hit, needs_hits
from vplint.checks.support import fields, first_filled


def utility_overload(ctx: CheckContext) -> Iterator[Hit]:
    """VAL001: too many benefits compete for attention.

    `limits` maps a list field to the most items it should hold (gains 5, copy bullets
    5 by default); each list over its limit is one finding.
    """
    limits = ctx.params.get("limits") or {"gains": 5, "copy.bullets": 5}
    for path, maximum in limits.items():
        node = ctx.doc.node(path)
        if node is None or not isinstance(node.value, list):
            continue
        items = [n for n in node.value if str(n.value or "").strip()]
        if len(items) > int(maximum):
            yield Hit(field=path, node=node,
                      args={"count": len(items), "max": maximum, "field": path})


@needs_hits("low_lexicons", "premium_lexicons")
def contradictory_expectations(ctx: CheckContext) -> Iterator[Hit]:
    """VAL002: the proposition promises the lowest price and the top end at once.

    Fires when a low-price claim (cheapest, 最便宜) and a premium claim (most powerful,
    最强, 顶级) both appear; the finding points at whichever comes second.
    """
    scope = fields(ctx, default=("copy", "outcome", "benefit", "differentiation.because",
                                 "positioning.attribute", "gains"))
    cheap = [m for name in ctx.lexicons("low_lexicons") for m in ctx.facts.find(name, scope)]
    premium = [m for name in ctx.lexicons("premium_lexicons")
               for m in ctx.facts.find(name, scope)]
    if not cheap or not premium:
        return
    key = lambda m: (m.node.start, m.start)  # noqa: E731
    low, high = min(cheap, key=key), min(premium, key=key)
    second = max(low, high, key=key)
    yield Hit(field=second.field, node=second.node, start=second.start, end=second.end,
              match=second.text, args={"cheap": low.text, "premium": high.text})


def benefit_without_experience(ctx: CheckContext) -> Iterator[Hit]:
    """VAL003: a benefit is stated but not how getting it feels.

    Needs a benefit: `benefit` or `outcome`, else a result the copy states (outcome
    cues). Satisfied by `experience` or by experience cues in the copy ("three taps",
    "no queue", 一键, 不用排队, 上门).
    """
    if ctx.doc.text("experience"):
        return
    found = first_filled(ctx, fields(ctx, default=("benefit", "outcome")))
    cue = None
    if found is None:
        cues = [m for name in ctx.lexicons("benefit_lexicons")
                for m in ctx.facts.find(name, "copy")]
        if not cues:
            return
        cue = min(cues, key=lambda m: (m.node.start, m.start))
    scope = fields(ctx, "or_fields", ("copy", "benefit", "outcome"))
    if any(ctx.facts.any(name, scope) for name in ctx.lexicons("or_lexicons")):
        return
    if cue is not None:
        yield Hit(field=cue.field, node=cue.node, start=cue.start, end=cue.end,
                  match=cue.text, args={"field": cue.field})
        return
    assert found is not None
    path, node = found
    yield Hit(field=path, node=node, args={"field": path})
