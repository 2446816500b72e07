"""PRF: evidence that answers the doubts the claims raise (FABE's E)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from vplint.checks import CheckContext, Hit, scalar_text
from vplint.checks.support import by_node, fields, note
from vplint.nodes import Node
from vplint.text.intervals import Intervals
from vplint.text.numbers import MULTIPLIER, PERCENT, quantities_of
from vplint.text.sentences import sentence_spans
from vplint.text.timeexpr import DURATION, PERIOD, times_of


@dataclass(frozen=True)
class _Claim:
    field: str
    node: Node
    start: int
    end: int
    text: str


def claim_without_proof(ctx: CheckContext) -> Iterator[Hit]:
    """PRF002: figures or superlatives in the copy and no `proof` behind them.

    A claim is a sentence with a percentage or multiplier, a result verb with a figure
    ("save 6 hours a week", 多卖15%), or a superlative ("the best", 最好). A sentence that
    names its own source ("according to an audit") is not counted. Reported once, at the
    first claim, with how many there are.
    """
    if ctx.doc.has("proof"):
        return
    claims = _claims(ctx)
    if not claims:
        return
    first = claims[0]
    more = note(ctx, "more", count=len(claims) - 1, total=len(claims)) if len(claims) > 1 else ""
    yield Hit(field=first.field, node=first.node, start=first.start, end=first.end,
              match=first.text, args={"match": first.text, "count": len(claims), "more": more})


def _claims(ctx: CheckContext) -> list[_Claim]:
    scope = fields(ctx, default=("copy",))
    registry = ctx.facts.registry.lexicons
    # superlatives come from a lexicon another family owns; a catalogue without it
    # (a trimmed plugin setup) simply checks figures
    superlatives = by_node(m for name in ctx.lexicons("superlative_lexicons")
                           if name in registry for m in ctx.facts.find(name, scope))
    results = by_node(m for name in ctx.lexicons("result_lexicons")
                      for m in ctx.facts.find(name, scope))
    sourced = by_node(m for name in ctx.lexicons("proof_lexicons")
                      for m in ctx.facts.find(name, scope))
    out: list[_Claim] = []
    for path, node in ctx.facts.texts(scope):
        text = str(node.value)
        key = id(node)
        figures = Intervals(quantities_of(ctx.facts, node))
        ratios = Intervals(q for q in figures.items if q.kind in (PERCENT, MULTIPLIER))
        spans = Intervals(t for t in times_of(ctx.facts, node) if t.kind in (DURATION, PERIOD))
        verbs = Intervals(results.get(key, []))
        sups = Intervals(superlatives.get(key, []))
        sources = Intervals(sourced.get(key, []))
        for a, b in sentence_spans(text):
            if sources.starting_in(a, b):
                continue
            claim = _sentence_claim(a, b, figures, ratios, spans, verbs, sups)
            if claim is not None:
                out.append(_Claim(path, node, claim[0], claim[1], text[claim[0]:claim[1]]))
    return out


def _sentence_claim(a: int, b: int, figures: Intervals, ratios: Intervals, spans: Intervals,
                    verbs: Intervals, superlatives: Intervals) -> tuple[int, int] | None:
    """The claim in sentence [a, b): a ratio, a result verb with an amount, or a
    superlative (in that order of preference); each looked up by binary search, so a
    text with many sentences and figures stays linear."""
    ratio = ratios.starting_in(a, b)
    if ratio:
        return ratio[0].start, ratio[0].end
    verb = verbs.starting_in(a, b)
    if verb:
        amounts = [*figures.starting_in(a, b), *spans.starting_in(a, b)]
        if amounts:
            start = min(verb[0].start, min(x.start for x in amounts))
            end = max(verb[0].end, max(x.end for x in amounts))
            return start, end
    sup = superlatives.starting_in(a, b)
    if sup:
        return sup[0].start, sup[0].end
    return None


def proof_without_source(ctx: CheckContext) -> Iterator[Hit]:
    """PRF003: a proof item with no `source` - the company's own unsourced word.

    Kinds listed in `exempt_kinds` (by default `principle`, an explanation of how it
    works) need no source.
    """
    proof = ctx.doc.node("proof")
    if proof is None or not isinstance(proof.value, list):
        return
    exempt = set(fields(ctx, "exempt_kinds", ("principle",)))
    for i, item in enumerate(proof.value):
        if not isinstance(item.value, dict):
            continue
        kind = item.value.get("kind")
        if kind is not None and str(kind.value) in exempt:
            continue
        source = item.value.get("source")
        if source is not None and str(source.value or "").strip():
            continue
        text = scalar_text(item.value.get("text")).strip("\"'“”「」")
        short = text if len(text) <= 48 else text[:45].rstrip() + "..."
        quoted = ""
        if short:
            quoted = f"（“{short}”）" if ctx.facts.message_language == "zh" else f' ("{short}")'
        yield Hit(field=f"proof[{i}]", node=item, match=short or None,
                  args={"index": i + 1, "match": short, "quoted": quoted})
