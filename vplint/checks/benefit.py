"""OUT004: the words show the company and its product, not the customer's result.

The analysis itself lives in vplint.text.benefit (the score reads it too); this check only
turns a weak result into a finding that says what is missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from vplint.checks import CheckContext, Hit
from vplint.checks.support import note
from vplint.text.benefit import CopyEvidence, evidence, is_copy


def words_of(ctx: CheckContext) -> CopyEvidence:
    """The proposition's benefit evidence, computed once per proposition."""
    return ctx.facts.memo(("benefit-evidence",), lambda: evidence(ctx.doc, ctx.facts))


def benefit_not_shown(ctx: CheckContext) -> Iterator[Hit]:
    """OUT004: the text says nothing a buyer can act on, or its benefit strength is below
    `min_strength` (0-100; see docs/scoring.md). Located at the headline when there is
    one, else at the proposition."""
    words = words_of(ctx)
    minimum = int(ctx.param("min_strength", 40))
    if not words.says_nothing and words.strength >= minimum:
        return
    missing = []
    if not (words.customer or words.need):
        missing.append(note(ctx, "customer"))
    if not words.outcomes:
        missing.append(note(ctx, "outcome"))
    if not (words.moments or words.times or words.figures):
        missing.append(note(ctx, "specific"))
    if words.centred or words.abstraction:
        missing.append(note(ctx, "company"))
    if words.features:
        missing.append(note(ctx, "features"))
    key = "nothing" if words.says_nothing else "weak"
    field = "copy.headline" if ctx.doc.node("copy.headline") is not None else None
    if field is None and not is_copy(ctx.doc):
        field = next((f for f in ("outcome", "benefit") if ctx.doc.node(f) is not None), None)
    sep = "；" if ctx.facts.message_language == "zh" else "; "
    yield Hit(field=field, args={"strength": words.strength, "verdict": note(ctx, key),
                                 "missing": sep.join(m for m in missing if m)})
