"""OBJ: the buyer's doubts handled up front (Maxwell's third must)."""

from __future__ import annotations

from collections.abc import Iterator

from vplint.checks import CheckContext, Hit
from vplint.checks.support import fields, note


def no_doubt_handled(ctx: CheckContext) -> Iterator[Hit]:
    """OBJ001: no guarantee, no answered objection and no risk reversal in the copy.

    An objection counts only with an `answer`: a list of doubts nobody answers raises the
    doubts and leaves them standing.
    """
    if ctx.doc.text("guarantee"):
        return
    objections = ctx.doc.node("objections")
    unanswered = 0
    if objections is not None and isinstance(objections.value, list):
        for item in objections.value:
            if not isinstance(item.value, dict):
                continue
            answer = item.value.get("answer")
            if answer is not None and str(answer.value or "").strip():
                return
            unanswered += 1
    or_fields = fields(ctx, "or_fields", ("copy",))
    if any(ctx.facts.any(name, or_fields) for name in ctx.lexicons("or_lexicons")):
        return
    if unanswered:
        yield Hit(field="objections", node=objections,
                  args={"detail": note(ctx, "unanswered", count=unanswered)})
        return
    yield Hit(field="guarantee", args={"detail": ""})
