"""CLR: clear, concise, easy to pass on - a pitch that fits its time, copy in the
customer's voice. (Headline length and jargon are declarative: `limit`, `existence`.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vplint.checks import CheckContext, Hit
from vplint.checks.support import fields
from vplint.lazyre import lazy
from vplint.nodes import Node
from vplint.text.lang import length_units
from vplint.text.quotation import inside_quotation


def pitch_budget(ctx: CheckContext) -> Iterator[Hit]:
    """CLR002: the spoken pitch takes longer than its time budget.

    Speaking time = words / `rate` (words a minute, English) or characters / `rate`
    (characters a minute, Chinese; Latin words in Chinese count as one character each);
    the budget is `budget_seconds`. Both are configurable per language.
    """
    rate = float(ctx.param("rate", 150) or 150)
    budget = float(ctx.param("budget_seconds", 60) or 60)
    for path, node in ctx.facts.texts(fields(ctx, default=("copy.pitch",))):
        words, chars = length_units(str(node.value))
        count = words + chars
        seconds = count / rate * 60
        if seconds > budget:
            unit = "字" if ctx.language == "zh" else "words"
            yield Hit(field=path, node=node,
                      args={"seconds": round(seconds), "budget": _num(budget), "count": count,
                            "unit": unit, "rate": _num(rate)})


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _quoted(ctx: CheckContext, node: Node, start: int) -> bool:
    """Words in a Markdown block quote or between quotation marks: someone else's."""
    if inside_quotation(str(node.value), start):
        return True
    model = getattr(ctx.doc, "markdown", None)
    if model is None:
        return False
    quotes = ctx.facts.memo(("quote-regions",), lambda: [
        (r.start, r.end) for r in model.regions if r.kind == "quote"])
    at = node.source_index(ctx.doc.source, start)
    return any(a <= at < b for a, b in quotes)


_CTA_EN = lazy(r"(?:contact|about|join|follow|email|e-mail|call|write\s+to|talk\s+to|"
                     r"reach|message|ask|visit|meet|with|from)\s+$", re.I)
_CTA_ZH = lazy(r"(?:联系|聯繫|關於|关于|加入|关注|關注|咨询|諮詢)$")


def _call_to_action(text: str, start: int, end: int) -> bool:
    """"Contact us", "join us", 联系我们: a label or a call to action every site has, not
    the copy talking about the company."""
    word = text[start:end]
    if word.lower() == "us":
        return bool(_CTA_EN.search(text[max(0, start - 16):start]))
    if word == "我们":
        return bool(_CTA_ZH.search(text[max(0, start - 2):start]))
    return False


_FENCE = lazy(r"^[ \t]{0,3}(?:```|~~~)", re.M)
_INLINE_CODE = lazy(r"`[^`\n]{2,80}`")


def _technical(source: str) -> bool:
    """A page with a code block or several code spans is documentation or a how-to: its
    "we" is the author walking the reader through, not the company talking about itself."""
    head = source[:100_000]
    return bool(_FENCE.search(head)) or len(_INLINE_CODE.findall(head)) >= 3


_SENTENCE_END = lazy(r"[.!?。！？\n]")


def _asked(text: str, start: int) -> bool:
    """In a question: "How do we confirm rack load?", 我们是否需要…？ - the reader asking."""
    stop = _SENTENCE_END.search(text, start, start + 300)
    return stop is not None and stop.group(0) in ("?", "？")


def company_voice(ctx: CheckContext) -> Iterator[Hit]:
    """CLR004: the copy talks about the company more than to the customer.

    Counts company-voice words (we, our, us, 我们) against customer-voice words (you,
    your, 您, 你) in the copy; fires when the company count reaches `min_company` and
    exceeds `ratio` times the customer count. Words inside quotation marks or a block
    quote are someone else's (a customer's "our team" in a testimonial) and not counted, nor
    are calls to action ("contact us") or questions ("how do we...?"); a website page with
    code on it (a how-to, documentation) is not judged.
    """
    if ctx.doc.kind != "yaml" and _technical(ctx.doc.source):
        return
    scope = fields(ctx, default=("copy",))
    ours = [m for name in ctx.lexicons("company_lexicons") for m in ctx.facts.find(name, scope)
            if not _quoted(ctx, m.node, m.start)
            and not _call_to_action(str(m.node.value), m.start, m.end)
            and not _asked(str(m.node.value), m.start)]
    yours = [m for name in ctx.lexicons("customer_lexicons")
             for m in ctx.facts.find(name, scope)]
    minimum = int(ctx.param("min_company", 3))
    ratio = float(ctx.param("ratio", 1.0))
    if len(ours) < minimum or len(ours) <= ratio * len(yours):
        return
    first = min(ours, key=lambda m: (m.node.start, m.start))
    yield Hit(field=first.field, node=first.node, start=first.start, end=first.end,
              match=first.text, args={"we": len(ours), "you": len(yours), "match": first.text})
