"""Checks behind the 22 Immutable Laws of Marketing (Ries & Trout) that need more than a
declarative rule: they compare positioning fields with each other, with the competitors
and with the copy.

Laws that only look for words (17 forecasts, 20 hype, 21 fads, ...) are declarative
`existence` rules over lexicons and have no code here. Message fragments live in each
rule's `params.texts` ({key: {en, zh}}), so all wording stays in the rule files.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from vplint.checks import CheckContext, Hit, competitors, needs_hits, scalar_text
from vplint.checks.declarative import hit_for
from vplint.errors import RuleError
from vplint.lazyre import lazy
from vplint.pagekind import PROPOSITION
from vplint.text.facts import FieldMatch
from vplint.text.lexicon import Lexicon

CLAIM_FIELDS = ("copy", "outcome", "benefit", "experience", "offering", "guarantee",
                "time_bound", "differentiation.because", "category")
"""Where a proposition makes its claims to the customer (not its internal notes)."""

_CJK_RUN = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_LATIN_WORD = lazy(r"[a-z0-9]+")
_LIST_SPLIT_EN = lazy(r"\s*(?:[,;/|·]|\s(?:and|&|or)\s)\s*", re.IGNORECASE)
_LIST_SPLIT_ZH = lazy(r"\s*[,，、;；/|·]\s*")
_NON_WORD = lazy(r"[^\w]+")
_STOP = frozenset(
    "a an the of for and or to in on at by with your our you we us it its is are be "
    "this that from into more most".split())


# ---- small text helpers -------------------------------------------------------------
def normalize(text: str) -> str:
    """Lower case, punctuation and runs of space folded to one space."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def _stem(word: str) -> str:
    """A crude stem good enough to match delivery/delivered, income/incomes."""
    return word[: max(4, len(word) - 3)] if len(word) > 4 else word


def units(text: str) -> set[str]:
    """Comparable units of a short phrase: stemmed English words and Chinese bigrams."""
    norm = normalize(text)
    out = {_stem(w) for w in _LATIN_WORD.findall(norm) if w not in _STOP}
    for run in _CJK_RUN.findall(norm):
        out.update([run] if len(run) == 1 else (run[i:i + 2] for i in range(len(run) - 1)))
    return out


def similar(a: str, b: str) -> bool:
    """True when two short phrases (focus words, attributes, owned words) say the same.

    Equal after normalising, one contained in the other, half their words or Chinese
    bigrams shared, or nearly the same spelling.
    """
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    if _contains(long_, short, 2 if _CJK_RUN.search(short) else 4):
        return True
    ua, ub = units(a), units(b)
    if ua and ub and len(ua & ub) / len(ua | ub) >= 0.5:
        return True
    return difflib.SequenceMatcher(None, na, nb).ratio() >= 0.85


def _contains(text: str, part: str, minimum: int) -> bool:
    """`part` (at least `minimum` characters) inside normalised `text`: Chinese anywhere,
    English only as whole words."""
    if len(part.replace(" ", "")) < minimum:
        return False
    if _CJK_RUN.search(part):
        return part in text
    return f" {part} " in f" {text} "


def mentions(text: str, phrase: str) -> bool:
    """True when `text` says `phrase`: every English word (stemmed) and the Chinese part."""
    norm_text, norm_phrase = normalize(text), normalize(phrase)
    if not norm_phrase:
        return False
    if norm_phrase in norm_text:
        return True
    words = [w for w in _LATIN_WORD.findall(norm_phrase) if w not in _STOP]
    text_words = _LATIN_WORD.findall(norm_text)
    for word in words:
        stem = _stem(word)
        if not any(t == word or (len(stem) >= 4 and t.startswith(stem)) for t in text_words):
            return False
    runs = _CJK_RUN.findall(norm_phrase)
    return all(run in norm_text for run in runs) and bool(words or runs)


def names_in(text: str, name: str) -> bool:
    """True when `text` names a company: its full name or its first (brand) word."""
    norm_text, norm_name = normalize(text), normalize(name)
    if not norm_name:
        return False
    if norm_name in norm_text:
        return True
    first = _LATIN_WORD.match(norm_name)
    if first and _contains(norm_text, first.group(0), 3):
        return True
    cjk = _CJK_RUN.match(norm_name)
    return bool(cjk and len(cjk.group(0)) >= 2 and cjk.group(0) in norm_text)


def list_items(text: str, language: str) -> list[str]:
    """The items of a list written inline ("fast, cheap and friendly"; 快、好、省)."""
    splitter = _LIST_SPLIT_ZH if language == "zh" else _LIST_SPLIT_EN
    return [p for p in splitter.split(text.strip().rstrip(".。!！")) if p.strip()]


def ladder_rank(ctx: CheckContext) -> int | None:
    """`positioning.ladder_rank` as a whole number, or None (VP003 reports other types)."""
    node = ctx.doc.node("positioning.ladder_rank")
    if node is None or isinstance(node.value, bool):
        return None
    if isinstance(node.value, int):
        return node.value
    text = node.value.strip() if isinstance(node.value, str) else ""
    # A rung is a small number: thousands of digits (or '²', a digit int() refuses) are
    # not one, and VP003 already reports text where a whole number belongs.
    if text.isdecimal() and len(text) <= 9:
        return int(text)
    return None


def int_param(ctx: CheckContext, name: str, default: int) -> int:
    """A whole-number rule option; a bad value names the rule and the option."""
    value = ctx.param(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, str)) or \
            not str(value).strip().lstrip("-").isdigit():
        raise RuleError(f"rule {ctx.rule.code}: option '{name}' must be a whole number, "
                        f"not {value!r}")
    return int(value)


def say(ctx: CheckContext, key: str, **args: Any) -> str:
    """A message fragment from the rule's `params.texts`, in the message language."""
    table = (ctx.params.get("texts") or {}).get(key) or {}
    template = table.get(ctx.facts.message_language) or table.get("en") or key
    try:
        return str(template).format(**args)
    except (KeyError, IndexError, ValueError):
        return str(template)


def _claim_fields(ctx: CheckContext) -> tuple[str, ...]:
    value = ctx.params.get("fields", CLAIM_FIELDS)
    return (value,) if isinstance(value, str) else tuple(value)


def _lexicon_hits(ctx: CheckContext, names: Iterable[str], fields: tuple[str, ...]
                  ) -> list[FieldMatch]:
    found = [m for name in names for m in ctx.facts.find(name, fields)]
    found.sort(key=lambda m: (m.node.start, m.start))
    return found


def _inline(ctx: CheckContext, key: str) -> Lexicon:
    """A lexicon from the rule's inline term list `params[key]`, compiled once per run."""
    cache = ctx.rule.compiled
    if key not in cache:
        terms = ctx.params.get(key) or []
        table = terms if isinstance(terms, dict) else {"en": list(terms), "zh": list(terms)}
        cache[key] = Lexicon(f"{ctx.rule.code}:{key}",
                             {k: [str(t) for t in v] for k, v in table.items()})
    return cache[key]


def _rank_hit(ctx: CheckContext, **args: Any) -> Hit:
    return Hit(field="positioning.ladder_rank", args={"rank": ladder_rank(ctx), **args})


# ---- law 1 -----------------------------------------------------------------------------
@needs_hits("lexicons")
def leadership(ctx: CheckContext) -> Iterator[Hit]:
    """Law 1: flag claims of being better when the proposition names no category in
    which it is first (`category` with `ladder_rank` 1 or unset)."""
    rank = ladder_rank(ctx)
    first_in_category = ctx.doc.has("category") and rank in (None, 1)
    if first_in_category or rank == 1:
        return
    for m in _lexicon_hits(ctx, ctx.lexicons(), _claim_fields(ctx)):
        yield hit_for(m)


# ---- law 2 -----------------------------------------------------------------------------
def category(ctx: CheckContext) -> Iterator[Hit]:
    """Law 2: flag a proposition below the top rung that states no category of its own."""
    rank = ladder_rank(ctx)
    if rank is not None and rank > 1 and not ctx.doc.has("category"):
        yield _rank_hit(ctx)


# ---- law 3 -----------------------------------------------------------------------------
@needs_hits("lexicons")
def mind(ctx: CheckContext) -> Iterator[Hit]:
    """Law 3 (advisory): flag claims of being first in the market when no focus word
    says what the proposition wants to be first for in the customer's mind."""
    if ctx.doc.has("positioning.focus_word"):
        return
    for m in _lexicon_hits(ctx, ctx.lexicons(), _claim_fields(ctx)):
        yield hit_for(m)


# ---- law 4 -----------------------------------------------------------------------------
@needs_hits("lexicons")
def perception(ctx: CheckContext) -> Iterator[Hit]:
    """Law 4: flag copy that argues only with specifications and features - feature or
    spec words, and no outcome in the copy or in `outcome`/`benefit`."""
    if ctx.doc.has("outcome") or ctx.doc.has("benefit"):
        return
    fields = _claim_fields(ctx)
    found = _lexicon_hits(ctx, ctx.lexicons(), fields)
    if not found:
        return
    if any(ctx.facts.any(name, fields) for name in ctx.lexicons("outcome_lexicons")):
        return
    yield hit_for(found[0], count=len(found))


# ---- law 5 -----------------------------------------------------------------------------
def focus(ctx: CheckContext) -> Iterator[Hit]:
    """Law 5: one focus word, present in the headline or pitch, and copy that does not
    spread across many benefits."""
    doc = ctx.doc
    word = doc.text("positioning.focus_word")
    if word:
        items = list_items(word, ctx.language)
        if len(items) > 1:
            yield Hit(field="positioning.focus_word",
                      args={"problem": say(ctx, "several", word=word, count=len(items))})
        else:
            carriers = [doc.text(p) for p in ctx.params.get("focus_fields",
                                                           ["copy.headline", "copy.pitch"])]
            carriers = [c for c in carriers if c]
            if carriers and not any(mentions(c, word) for c in carriers):
                yield Hit(field="positioning.focus_word",
                          args={"problem": say(ctx, "absent", word=word)})
    elif doc.has("positioning"):
        yield Hit(field="positioning", args={"problem": say(ctx, "none")})
    most = int_param(ctx, "max_headline_benefits", 3)
    for path, node in ctx.facts.texts(tuple(ctx.params.get("list_fields",
                                                           ["copy.headline"]))):
        items = list_items(str(node.value), ctx.language)
        if len(items) > most:
            yield Hit(field=path, node=node, suggestion=say(ctx, "spread_fix"),
                      args={"problem": say(ctx, "spread", count=len(items), max=most)})


# ---- law 6 -----------------------------------------------------------------------------
def exclusivity(ctx: CheckContext) -> Iterator[Hit]:
    """Law 6: flag a focus word equal or close to a word a listed competitor owns."""
    word = ctx.doc.text("positioning.focus_word")
    if not word:
        return
    for _, fields in competitors(ctx):
        owns = scalar_text(fields.get("owns"))
        if owns and similar(word, owns):
            name = scalar_text(fields.get("name")) or "?"
            yield Hit(field="positioning.focus_word",
                      args={"word": word, "competitor": name, "owns": owns})
            return


# ---- law 7 -----------------------------------------------------------------------------
def ladder(ctx: CheckContext) -> Iterator[Hit]:
    """Law 7: flag #1 / leader claims in the copy of a proposition on a lower rung.

    A leader claim right after a contrast cue ("unlike the market leader") or next to
    the named leader describes the leader, not the proposition, and is skipped.
    """
    rank = ladder_rank(ctx)
    if rank is None or rank <= 1:
        return
    fields = _claim_fields(ctx)
    leader = ctx.doc.text("positioning.leader") or ""
    contrasts = [m for name in ctx.lexicons("contrast_lexicons")
                 for m in ctx.facts.find(name, fields)]
    window = int_param(ctx, "window", 24)
    for m in _lexicon_hits(ctx, ctx.lexicons(), fields):
        text = str(m.node.value)
        around = text[max(0, m.start - window): m.end + window]
        if leader and names_in(around, leader):
            continue
        if any(c.node is m.node and m.start - window <= c.end <= m.start for c in contrasts):
            continue
        yield hit_for(m, rank=rank)


# ---- law 8 -----------------------------------------------------------------------------
def duality(ctx: CheckContext) -> Iterator[Hit]:
    """Law 8 (advisory): markets become two-horse races; note a rung below the second."""
    rank = ladder_rank(ctx)
    if rank is not None and rank >= int_param(ctx, "min_rank", 3):
        yield _rank_hit(ctx)


# ---- law 9 -----------------------------------------------------------------------------
def opposite(ctx: CheckContext) -> Iterator[Hit]:
    """Law 9: the number two positions against the leader - flag rank 2 with no leader
    named, or with no contrast to it in the copy, differentiation or candor."""
    if ladder_rank(ctx) != 2:
        return
    doc = ctx.doc
    leader = doc.text("positioning.leader")
    if not leader:
        yield _rank_hit(ctx, problem=say(ctx, "no_leader"))
        return
    fields = tuple(ctx.params.get("contrast_fields",
                                  ["copy", "differentiation", "positioning.candor",
                                   "positioning.attribute"]))
    texts = ctx.facts.texts(fields)
    if any(names_in(str(node.value), leader) for _, node in texts):
        return
    second = _inline(ctx, "second_terms")
    if any(second.find(str(node.value)) for _, node in ctx.facts.texts("copy")):
        return
    yield Hit(field="positioning.leader", args={"leader": leader,
                                                 "problem": say(ctx, "no_contrast",
                                                                leader=leader)})


# ---- law 10 ----------------------------------------------------------------------------
def division(ctx: CheckContext) -> Iterator[Hit]:
    """Law 10 (advisory): a category divides over time; note a category with no segment
    saying which division the proposition serves."""
    if ctx.doc.has("category") and not ctx.doc.has("segment.who"):
        yield Hit(field="category", args={"category": ctx.doc.text("category") or ""})


# ---- law 12 ----------------------------------------------------------------------------
def line_extension(ctx: CheckContext) -> Iterator[Hit]:
    """Law 12: flag one proposition stretched over many product lines - "everything",
    one-stop, all-in-one - or a `category` that lists several categories."""
    for m in _lexicon_hits(ctx, ctx.lexicons(), _claim_fields(ctx) + ("name",)):
        yield hit_for(m)
    value = ctx.doc.text("category")
    most = int_param(ctx, "max_categories", 2)
    if value:
        items = list_items(value, ctx.language)
        if len(items) > most:
            yield Hit(field="category", match=value, args={"match": value})


# ---- law 13 ----------------------------------------------------------------------------
def sacrifice(ctx: CheckContext) -> Iterator[Hit]:
    """Law 13: flag a proposition that gives nothing up - audience is everyone, a segment
    with no `not_for`, or more benefits than `max_benefits`."""
    doc = ctx.doc
    everyone = _lexicon_hits(ctx, ctx.lexicons(), tuple(ctx.params.get(
        "audience_fields", ["segment.who", "copy.headline"])))
    if ctx.facts.page_kind != PROPOSITION:
        everyone = [m for m in everyone if addressed_as_audience(m.node.value, m.start, m.end)]
    if everyone:
        hit = hit_for(everyone[0], problem=say(ctx, "everyone", match=everyone[0].text))
        hit.suggestion = say(ctx, "everyone_fix")
        yield hit
    elif doc.has("segment.who") and not doc.has("segment.not_for"):
        yield Hit(field="segment.who", args={"problem": say(ctx, "no_not_for")})
    gains = doc.node("gains")
    most = int_param(ctx, "max_benefits", 5)
    if gains is not None and isinstance(gains.value, list) and len(gains.value) > most:
        yield Hit(field="gains", suggestion=say(ctx, "too_many_fix", max=most),
                  args={"problem": say(ctx, "too_many", count=len(gains.value), max=most)})


_AUDIENCE_BEFORE = lazy(
    r"(?:(?<![A-Za-z])(?:for|to|serving|serves|serve|helps?|helping|built\s+for|made\s+for|"
    r"designed\s+for|suits?|fits?|with)\s+(?:\w+\s+){0,2}|"
    r"(?:为|為|面向|适合|適合|适用于|適用於|服务于|服務於|服务|服務|帮助|幫助|让|讓|助力|赋能|賦能)"
    r"\S{0,4})$", re.I)
_LINE_START = lazy(r"(?:^|\n)[ \t>#*_-]*$")
_VERB_AFTER = lazy(r"^(?:['’]s\s+)?\s*\w*\s*(?:has|have|had|is|are|was|were|needs?|wants?|"
                         r"deserves?|knows?|can|could|will|would|should|must|gets?|loves?|"
                         r"thinks?|says?|around|在|都|有|是|需要|要|会|會)(?![A-Za-z])", re.I)


def addressed_as_audience(text: str, start: int, end: int) -> bool:
    """True when an everyone term on a page (not a proposition's segment) names who the
    offer is for: after for/to/serving/为/面向/适合 ("Solutions for every industry", 为所有
    企业), or opening a line as a bare label ("Everyone welcome"). As the subject of its
    own verb ("Every industry has its own constraints", "everyone around him") it states
    a fact about people, not the audience."""
    before = text[max(0, start - 40):start]
    if _AUDIENCE_BEFORE.search(before):
        return True
    return bool(_LINE_START.search(before)) and not _VERB_AFTER.match(text[end:end + 30])


# ---- law 14 ----------------------------------------------------------------------------
def attributes(ctx: CheckContext) -> Iterator[Hit]:
    """Law 14: flag a claimed attribute equal or close to the one the leader owns."""
    doc = ctx.doc
    attribute, leader = doc.text("positioning.attribute"), doc.text("positioning.leader")
    if not attribute or not leader or ladder_rank(ctx) == 1:
        return
    for _, fields in competitors(ctx):
        name = scalar_text(fields.get("name"))
        if not name or not (similar(name, leader) or names_in(name, leader)):
            continue
        owns = scalar_text(fields.get("owns"))
        if owns and similar(attribute, owns):
            yield Hit(field="positioning.attribute",
                      args={"attribute": attribute, "leader": leader, "owns": owns})
            return


# ---- law 15 ----------------------------------------------------------------------------
def candor(ctx: CheckContext) -> Iterator[Hit]:
    """Law 15 (advisory): below the top rung, admitting a negative earns a positive; note
    a proposition with `ladder_rank` > 1 and no `positioning.candor`."""
    rank = ladder_rank(ctx)
    if rank is not None and rank > 1 and not ctx.doc.has("positioning.candor"):
        yield _rank_hit(ctx)


# ---- law 16 ----------------------------------------------------------------------------
def singularity(ctx: CheckContext) -> Iterator[Hit]:
    """Law 16 (advisory): one bold stroke; note an attribute that lists several moves."""
    value = ctx.doc.text("positioning.attribute")
    most = int_param(ctx, "max_attributes", 2)
    if value:
        items = list_items(value, ctx.language)
        if len(items) > most:
            yield Hit(field="positioning.attribute", args={"count": len(items), "max": most})


# ---- law 18 ----------------------------------------------------------------------------
@needs_hits("lexicons")
def success(ctx: CheckContext) -> Iterator[Hit]:
    """Law 18: flag self-praise superlatives when the proposition offers no proof."""
    if ctx.doc.has("proof"):
        return
    if any(ctx.facts.any(name, "copy") for name in ctx.lexicons("proof_lexicons")):
        return
    for m in _lexicon_hits(ctx, ctx.lexicons(), _claim_fields(ctx)):
        yield hit_for(m)


# ---- law 22 ----------------------------------------------------------------------------
def resources(ctx: CheckContext) -> Iterator[Hit]:
    """Law 22 (advisory): note a described offering that never says through which channel
    (store, app, sales team, partner, delivery) it reaches the customer."""
    if not ctx.doc.has("offering"):
        return
    fields = tuple(ctx.params.get("channel_fields", ["offering", "copy", "experience",
                                                     "time_bound", "outcome", "guarantee"]))
    if any(ctx.facts.any(name, fields) for name in ctx.lexicons()):
        return
    yield Hit(field="offering")
