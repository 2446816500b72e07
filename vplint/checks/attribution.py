"""The engine's filter for rules that judge only the advertiser's own claims (`own_claims:
true` in a rule file): a hit on words that are negated, asked, said about someone else,
quoted from a named source or technical terms is dropped (vplint.text.attribution)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from vplint.checks import CheckContext, Hit
from vplint.lazyre import lazy
from vplint.pagekind import ARTICLE, LANDING, PAGE, PROPOSITION, is_case_study
from vplint.text.attribution import (
    ABOUT_OTHERS,
    QUOTED,
    about_advertiser,
    customer_voiced,
    infer_own_names,
    paragraph_of,
    product_names,
    reason_not_own,
    speaks_in_first_person,
)

_TOLD_ABOUT_MANY = frozenset((ARTICLE, PAGE))
"""Kinds of page that talk about many things (tools reviewed, a customer, the market, a
programme, an event): only a sentence naming the advertiser or spoken as "we" is its claim."""


def own_names(ctx: CheckContext) -> tuple[str, ...]:
    """The advertiser's names: configured `brands`, the proposition's `name`, and the
    product name the page repeats most."""
    def compute() -> tuple[str, ...]:
        names = list(ctx.facts.brands)
        if ctx.doc.kind == "yaml" and ctx.doc.name:
            names.append(ctx.doc.name)
        names.extend(infer_own_names(ctx.doc.source[:200_000],
                                     by_count=ctx.facts.page_kind not in _TOLD_ABOUT_MANY))
        if ctx.facts.page_kind not in _TOLD_ABOUT_MANY:
            # A landing page's headline names what it sells ("Acme invoicing"); an
            # article's title may name the tools it reviews.
            for path in ("copy.headline", "title", "name"):
                names.extend(n for n in product_names(ctx.doc.text(path) or "")
                             if n not in names)
        return tuple(dict.fromkeys(n for n in names if n))

    return ctx.facts.memo(("own-names",), compute)


def _customer_voiced(ctx: CheckContext, names: tuple[str, ...]) -> bool:
    """A page told in a customer's voice: its text says so, or its path names it a case
    study (an article whose "we" is the customer)."""
    return ctx.facts.memo(("customer-voiced",), lambda: (
        ctx.facts.page_kind in _TOLD_ABOUT_MANY and is_case_study(ctx.doc.path))
        or customer_voiced(ctx.doc.source[:200_000], names))


_CONTEXT_KINDS = frozenset({"link", "quote", "table", "table_row", "heading", "item"})


def _regions_at(ctx: CheckContext, at: int) -> tuple[frozenset[str], str]:
    """The kinds of the Markdown regions holding source index `at` (a link counts only
    over its text), and the source of the table row holding it ("" outside tables).

    Regions of one kind do not overlap, except nested ones, so per kind only the last two
    starting at or before `at` can hold it: a binary search each, not a walk per hit.
    """
    model = getattr(ctx.doc, "markdown", None)
    if model is None:
        return frozenset(), ""

    def index() -> dict[str, tuple[list[int], list[Any]]]:
        table: dict[str, tuple[list[int], list[Any]]] = {}
        for region in model.regions:
            if region.kind in _CONTEXT_KINDS:
                starts, regions = table.setdefault(region.kind, ([], []))
                starts.append(region.start)
                regions.append(region)
        return table

    kinds: set[str] = set()
    row = ""
    for kind, (starts, regions) in ctx.facts.memo(("context-regions",), index).items():
        i = bisect_right(starts, at)
        for region in regions[max(0, i - 2):i]:
            if not region.start <= at < region.end:
                continue
            if kind == "link" and not region.text_start <= at < region.text_end:
                continue
            kinds.add(kind)
            if kind == "table_row":
                row = model.source[region.start - model.offset:region.end - model.offset]
    return frozenset(kinds), row


_TESTIMONIAL_FIELD = lazy(r"(?:^|[.\]])(?:testimonials?|quotes?|reviews?|recommendations?|"
                                r"endorsements?|feedback|praise|kudos)(?:$|[.\[])", re.I)
_TESTIMONIAL_HEADING = lazy(
    r"^[ ]{0,3}#{1,6}[ \t]+[^\n]*?(?:testimonials?|recommendations|reviews|what\s+(?:our\s+)?"
    r"(?:customers|clients|users|people|partners)\s+(?:say|said|think)|kind\s+words|"
    r"客户评价|客戶評價|客户证言|客戶證言|用户评价|用戶評價|客户心声|客戶心聲|客户说|客戶說|"
    r"用户说|用戶說|他们说|他們說)[^\n]*$", re.I | re.M)
_ANY_HEADING = lazy(r"^[ ]{0,3}#{1,6}[ \t]+\S[^\n]*$", re.M)


def _in_testimonial_section(ctx: CheckContext, at: int) -> bool:
    """True when the nearest Markdown heading before source index `at` names a section of
    testimonials or recommendations: the words under it are customers', not the page's."""
    def index() -> tuple[list[int], list[bool]]:
        starts, flags = [], []
        for m in _ANY_HEADING.finditer(ctx.doc.source):
            starts.append(m.start())
            flags.append(bool(_TESTIMONIAL_HEADING.match(m.group(0))))
        return starts, flags

    starts, flags = ctx.facts.memo(("testimonial-headings",), index)
    i = bisect_right(starts, at) - 1
    return i >= 0 and flags[i]


def not_own_claim(ctx: CheckContext, hit: Hit) -> str | None:
    """Why a located hit is not the advertiser's own claim, or None (keep it).

    Hits without a position in a text (a missing field) are always kept.
    """
    node = hit.node if hit.node is not None else (
        ctx.doc.node(hit.field) if hit.field else None)
    if node is None or hit.start is None or not isinstance(node.value, str):
        return None
    text = node.value
    end = hit.end if hit.end is not None else hit.start + 1
    if hit.field and _TESTIMONIAL_FIELD.search(hit.field):
        return QUOTED  # front matter `testimonials: [{quote: ..., name: ...}]`
    names = own_names(ctx)
    at = node.source_index(ctx.doc.source, hit.start)
    regions, row = _regions_at(ctx, at)
    reason = reason_not_own(text, hit.start, end, ctx.language, names, regions, row)
    if reason is None and _in_testimonial_section(ctx, at):
        return QUOTED  # under a "Testimonials" / 客户评价 heading: customers' words
    if reason is None and ctx.facts.page_kind in _TOLD_ABOUT_MANY and \
            _customer_voiced(ctx, names) and \
            speaks_in_first_person(paragraph_of(text, hit.start)):
        # A page told in a customer's voice: a paragraph where "we" speak is the
        # customer's testimony, even where it names the advertiser.
        return QUOTED
    if reason is None and (ctx.facts.page_kind in _TOLD_ABOUT_MANY or ctx.rule.own_subject and
                           ctx.facts.page_kind != PROPOSITION) and \
            not about_advertiser(text, hit.start, names, not _customer_voiced(ctx, names)):
        # An article talks about many things (tools it reviews, a customer, the market);
        # only a sentence that names the advertiser or speaks as "we" is its own claim.
        return ABOUT_OTHERS
    return reason


_FENCE = lazy(r"^[ \t]{0,3}(```+|~~~+)", re.M)
_MARKUP_SPANS = lazy(
    r"`[^`\n]+`"  # inline code
    r"|<[A-Za-z/!][^<>\n]*>"  # an HTML tag with its attributes
    r"|\]\([^)\n]*\)"  # a link or image target
    r"|\{\{[<%][^\n]*?[>%]\}\}|\{%[^\n]*?%\}"  # shortcodes and template tags
    r"|(?:https?://|www\.)[^\s)\]>\"']+"  # a bare URL
    # a file name; the look-behind and the bound keep a long run of letters linear
    r"|(?<![\w.-])[\w.-]{1,80}\.(?:png|jpe?g|gif|webp|svg|avif|mp4|pdf|js|css|json|ya?ml|md)"
    r"\b")


def outside_copy(ctx: CheckContext, hit: Hit) -> bool:
    """True when a hit in a Markdown page falls on code, an HTML tag or its attributes,
    a link or image target, a URL, a file name or a template shortcode: markup, not copy.

    (Code blocks, link targets and HTML are also kept out of the copy by the document
    model; this guards every rule's hits whatever field they come from.)
    """
    if ctx.doc.kind == "yaml" or hit.start is None:
        return False
    node = hit.node if hit.node is not None else (
        ctx.doc.node(hit.field) if hit.field else None)
    if node is None or not isinstance(node.value, str):
        return False
    text = node.value
    start = hit.start
    spans = ctx.facts.memo(("markup", id(node)), lambda: _markup_spans(text))
    return any(a <= start < b for a, b in spans)


def _markup_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _MARKUP_SPANS.finditer(text)]
    fences = list(_FENCE.finditer(text))
    opened: re.Match[str] | None = None
    for m in fences:
        if opened is None:
            opened = m
        elif m.group(1)[0] == opened.group(1)[0] and len(m.group(1)) >= len(opened.group(1)):
            spans.append((opened.start(), m.end()))
            opened = None
    if opened is not None:
        spans.append((opened.start(), len(text)))
    return spans


LEAD_MAX = 1500
"""Characters of a landing page's body that its lead may span at most."""
_HEADING_LINE = lazy(r"^[ ]{0,3}#{1,6}[ \t]+\S", re.M)


def outside_lead(ctx: CheckContext, hit: Hit) -> bool:
    """True when a located hit on a landing page lies after the page's lead.

    The lead is the page's proposition: the front matter and the body up to its second
    heading (at most LEAD_MAX characters). Feature lists, FAQs and footers further down
    describe how the product works; copy-craft rules judge the lead, claims rules (ADL001,
    LAW018...) declare `landing_scope: page` and judge everything.
    """
    if ctx.facts.page_kind != LANDING or ctx.rule.landing_scope == "page" or hit.start is None:
        return False
    node = hit.node if hit.node is not None else (
        ctx.doc.node(hit.field) if hit.field else None)
    if node is None or not isinstance(node.value, str):
        return False
    at = node.source_index(ctx.doc.source, hit.start)
    return at >= ctx.facts.memo(("lead-end",), lambda: lead_end(ctx.doc.source))


def lead_end(source: str) -> int:
    """Index in `source` where a Markdown page's lead ends (see `outside_lead`)."""
    body = 0
    front = re.match(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*$", source, re.S | re.M)
    if front:
        body = front.end()
    headings = [m.start() for m in _HEADING_LINE.finditer(source, body)]
    first_text = re.search(r"\S", source[body:])
    start = body + (first_text.start() if first_text else 0)
    # The lead runs to the first heading that follows some text (not only headings).
    end = len(source)
    for h in (h for h in headings if h > start):
        if any(line.strip() and not _HEADING_LINE.match(line)
               for line in source[start:h].splitlines()):
            end = h
            break
    return min(end, start + LEAD_MAX)
