"""CMP: red flags of advertising law - claims that the PRC Advertising Law, the US FTC or
the UK CAP Code forbid outright or allow only with evidence or terms the copy lacks.

The rules are data: each names regular expressions per language in its params, and the
checks here only decide where they apply (same sentence, anywhere in the proposition).
Precision comes first: a pattern names the forbidden claim itself (a disease after a
curing verb, an amount of weight with a period), never a mere mention of health, price or
time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from vplint.checks import CheckContext, Hit, scalar_text
from vplint.frontcopy import COPY_KEYS
from vplint.lazyre import LazyPattern, lazy
from vplint.nodes import Node
from vplint.pagekind import PROPOSITION
from vplint.text.fold import fold
from vplint.text.prefilter import Prefilter, PrefilterSet, holds_spot
from vplint.text.sentences import sentence_spans, span_of

_EXCLUDED = ("competitors", "objections")
"""Fields that quote others or the buyer's doubts, not what the proposition claims."""


def _patterns(ctx: CheckContext, name: str) -> list[LazyPattern]:
    """The rule's regexes under param `name` for the proposition's language, each compiled
    when first used (most are tried only where a text can match them)."""
    key = (name, ctx.language)
    cache = ctx.rule.compiled
    if key not in cache:
        value = ctx.params.get(name) or []
        if isinstance(value, dict):
            value = value.get(ctx.language) or []
        cache[key] = [lazy(str(p), re.IGNORECASE) for p in value]
    return cache[key]


_CLAIMS = PrefilterSet()
"""The claim patterns of every CMP rule: one pass per text tells which rules can match."""


def _prefilter(ctx: CheckContext, name: str) -> Prefilter:
    """`_patterns(ctx, name)` tried only where they can match, built once per language."""
    key = ("prefilter", name, ctx.language)
    cache = ctx.rule.compiled
    if key not in cache:
        cache[key] = Prefilter(_patterns(ctx, name))
    return cache[key]


def _claim_bit(ctx: CheckContext) -> int:
    """The bit of the rule's claim patterns in `_able`'s masks."""
    key = ("claim-bit", ctx.language)
    cache = ctx.rule.compiled
    if key not in cache:
        cache[key] = 1 << _CLAIMS.add(_prefilter(ctx, "patterns"))
    return cache[key]


def _able(ctx: CheckContext) -> dict[int, int]:
    """id(text node) -> the mask of claim patterns that may match in it (`_CLAIMS`),
    computed once per document for every rule."""
    def compute() -> dict[int, int]:
        return {id(node): _CLAIMS.able(fold(str(node.value)))
                for _, node in ctx.facts.texts("")}
    return ctx.facts.memo(("cmp-able", _CLAIMS.version), compute)  # type: ignore[no-any-return]


_COPY_ROOTS = COPY_KEYS | {"copy"}


def _root(path: str) -> str:
    """The top-level field of a text's path: "hero" for "hero.text", "copy" for "copy.body"."""
    return path.split(".", 1)[0].split("[", 1)[0]


def _claim_texts(ctx: CheckContext) -> list[tuple[str, Node]]:
    excluded = tuple(ctx.params.get("exclude") or _EXCLUDED)

    # A website page's front matter beyond its copy is metadata (keywords, image paths,
    # slugs): "zero carbon" in an SEO keyword list claims nothing.
    copy_only = ctx.doc.kind == "markdown" and ctx.facts.page_kind != PROPOSITION

    def compute() -> list[tuple[str, Node]]:
        return [(path, node) for path, node in ctx.facts.texts("")
                if not path.startswith(excluded) and path not in ("name", "language")
                and (not copy_only or _root(path) in _COPY_ROOTS)]
    return ctx.facts.memo(("cmp-texts", excluded, copy_only),  # type: ignore[no-any-return]
                          compute)


_OFFER_FIELDS = frozenset(("name", "offering", "title", "subtitle", "description", "summary",
                           "tagline", "headline", "subheadline", "lead"))
"""Fields that say what a page offers (its title, description, headline)."""


def _offer_is_about(ctx: CheckContext, name: str) -> bool:
    """Whether the page's offer is about what the rule polices (param `name`, e.g. a
    health/body lexicon). A YAML proposition is an offer by definition, so it always is;
    a website page is when the lexicon names its title, description or headline, or
    several body sentences (`offer_sentences`, default 2) - not one passing word."""
    patterns = _patterns(ctx, name)
    if not patterns or ctx.facts.page_kind == PROPOSITION:
        return True
    key = ("offer", name)
    if key in ctx.extra:
        return bool(ctx.extra[key])
    needed = int(ctx.params.get("offer_sentences") or 2)
    # Rules that police the same offer (CMP001-003 and 010 share one) ask once per page.
    shared = ("cmp-offer", tuple(p.pattern for p in patterns), needed,
              tuple(ctx.params.get("exclude") or _EXCLUDED))
    about = ctx.extra[key] = ctx.facts.memo(shared, lambda: _offer_found(ctx, name, needed))
    return bool(about)


def _offer_found(ctx: CheckContext, name: str, needed: int) -> bool:
    """Whether `name`'s patterns match an offer field or `needed` body sentences."""
    patterns = _patterns(ctx, name)
    quick = _prefilter(ctx, name)
    found = 0
    for path, node in _claim_texts(ctx):
        text = fold(str(node.value))
        if not quick.may_match(text):
            continue  # neither the text nor any of its sentences can match
        if path.rsplit(".", 1)[-1] in _OFFER_FIELDS and _any(patterns, text):
            return True
        spots = quick.spots(text)  # a sentence without one cannot match
        found += sum(1 for a, b in sentence_spans(text)
                     if (spots is None or holds_spot(spots, a, b)) and _any(patterns, text[a:b]))
        if found >= needed:
            return True
    return False


def _any(patterns: list[LazyPattern], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def claim(ctx: CheckContext) -> Iterator[Hit]:
    """A forbidden or unsupported claim, located on its words.

    Params (each an {en: [...], zh: [...]} table of regexes):
    `patterns` - the claim; `with` - when given, one must also match in the same
    sentence (a weight-loss amount needs a period); `unless` - none may match in the same
    sentence (a deadline with a date); `unless_anywhere` - none may match anywhere in the
    proposition (a named study); `offer` - on a website page, the page's offer must be
    about this (see `_offer_is_about`). One finding per claim, in every customer-facing field
    (not `competitors` or `objections`, which quote others).
    """
    prefilter, bit = _prefilter(ctx, "patterns"), _claim_bit(ctx)
    with_ = _patterns(ctx, "with")
    unless = _patterns(ctx, "unless")
    anywhere = _patterns(ctx, "unless_anywhere")
    able = _able(ctx)
    # Only texts where one of the rule's patterns can match; the page-wide conditions
    # below are asked only when there is one.
    texts = [(path, node) for path, node in _claim_texts(ctx) if able.get(id(node), bit) & bit]
    if not texts or not _offer_is_about(ctx, "offer"):
        return
    if anywhere and _any(anywhere, fold("\n".join(str(n.value) for _, n in ctx.facts.texts("")))):
        return
    for path, node in texts:
        original = str(node.value)
        text = fold(original)
        found = sorted((m.start(), -m.end()) for m in prefilter.finditer(text))
        if not found:
            continue
        spans = sentence_spans(text)
        allowed: dict[tuple[int, int], bool] = {}  # per sentence: many claims, one look
        reached = -1
        for start, neg_end in found:
            end = -neg_end
            if start < reached:  # overlaps a claim already reported
                continue
            span = span_of(spans, start)
            if span not in allowed:
                sentence = text[span[0]:span[1]]
                allowed[span] = ((not with_ or _any(with_, sentence))
                                 and not (unless and _any(unless, sentence)))
            if not allowed[span]:
                continue
            reached = end
            claimed = original[start:end]
            yield Hit(field=path, node=node, start=start, end=end, match=claimed,
                      args={"match": claimed.strip()})


def free_with_price(ctx: CheckContext) -> Iterator[Hit]:
    """CMP008: "free" that the same sentence contradicts with a price to pay.

    Fires when a sentence calls the offer free (`free` regexes) and then names a price
    introduced as what you pay (`price` regexes: "just $49.99", 只需299元) with no condition
    between them (`conditions`: a trial that ends, a threshold, a paid plan); "Free
    shipping on orders over $50" and "Free 14-day trial, then $9 a month" pass.
    """
    frees = _patterns(ctx, "free")
    prices = _patterns(ctx, "price")
    conditions = _patterns(ctx, "conditions")
    bundled = _patterns(ctx, "bundled")
    for path, node in _claim_texts(ctx):
        original = str(node.value)
        text = fold(original)
        if not _any(frees, text):
            continue
        for a, b in sentence_spans(text):
            sentence = text[a:b]
            free = next((m for p in frees for m in p.finditer(sentence)), None)
            if free is None:
                continue
            price = next((m for p in prices for m in p.finditer(sentence, free.end())), None)
            if price is None or _any(conditions, sentence[free.end():price.start()]):
                continue
            if _any(bundled, sentence[:free.start()]):  # a free add-on to the paid offer
                continue
            start, end = a + free.start(), a + price.end()
            found = original[start:end]
            yield Hit(field=path, node=node, start=start, end=end, match=found,
                      args={"match": found.strip()})


def testimonial_source(ctx: CheckContext) -> Iterator[Hit]:
    """CMP009: a testimonial signed so that nobody can check it - a first name only
    ("Jessica", "Sarah K."), an anonymous customer, 王女士 - in a `proof` item of kind
    testimonial or in a quote signed with a dash in the copy. A testimonial with no
    source at all is PRF003's finding."""
    weak = _patterns(ctx, "weak_sources")
    for path, node, source, start, end in _testimonials(ctx):
        name = source.strip().strip("-—–－ ").strip()
        if name and any(p.fullmatch(name) for p in weak):
            yield Hit(field=path, node=node, start=start, end=end, match=name,
                      args={"match": name})


def health_testimonial(ctx: CheckContext) -> Iterator[Hit]:
    """CMP010: a testimonial or expert endorsement in a proposition that sells a health
    effect (`health` regexes anywhere in it). The PRC Advertising Law forbids both for
    medicines, medical devices and health foods outright, whatever the source."""
    testimonials = list(_testimonials(ctx))
    if not testimonials:
        return  # most pages: the page-wide health question is not asked
    health = _patterns(ctx, "health")
    every = fold("\n".join(str(n.value) for _, n in _claim_texts(ctx)))
    if not _any(health, every) or not _offer_is_about(ctx, "offer"):
        return
    for path, node, source, start, end in testimonials:
        shown = source.strip().strip("-—–－ ").strip() or path
        if start is not None and not _looks_signed(shown):
            continue
        yield Hit(field=path, node=node, start=start, end=end, match=shown,
                  args={"match": shown})


def _looks_signed(source: str) -> bool:
    """Whether the words after a quote and a dash read as a signature (a person or a
    source), not as the sentence going on ("- DO NOT FLY", "-which can be dangerous.")."""
    if not source or source.isupper() or source[-1] in ".!?。！？":
        return False
    return not source[0].isalpha() or source[0].isupper() or not source[0].isascii()


_SIGNED_QUOTE = lazy(
    r"[\"”」』]\s*(?:[,，]\s*)?(?:—|–|--?|——|－)\s*([^\n\"“”]{1,40}?)\s*(?:$|\n)")


def _testimonials(ctx: CheckContext
                  ) -> Iterator[tuple[str, Node, str, int | None, int | None]]:
    """(field, node, source text, start, end) of every testimonial: `proof` items of kind
    testimonial, and quotes in the copy signed with a dash (located on the signature)."""
    proof = ctx.doc.node("proof")
    if proof is not None and isinstance(proof.value, list):
        for i, item in enumerate(proof.value):
            if not isinstance(item.value, dict):
                continue
            kind = scalar_text(item.value.get("kind")).lower()
            if kind != "testimonial":
                continue
            source = item.value.get("source")
            node: Any = source if source is not None else item
            field = f"proof[{i}].source" if source is not None else f"proof[{i}]"
            yield field, node, scalar_text(source), None, None
    for path, node in ctx.facts.texts("copy"):
        text = str(node.value)
        for m in _SIGNED_QUOTE.finditer(text):
            yield path, node, m.group(1), m.start(1), m.end(1)
